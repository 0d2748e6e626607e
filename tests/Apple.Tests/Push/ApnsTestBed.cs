using System.Security.Cryptography;
using SaaSMdm.Apple.Push;
using SaaSMdm.AppleFakes.Apns;

namespace SaaSMdm.Apple.Tests.Push;

/// <summary>A fake APNs and a client that trusts it, with instant backoff delays.</summary>
internal sealed class ApnsTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private ApnsTestBed(FakeApnsServer server, ApnsClient client, InstantDelays time)
    {
        Server = server;
        Client = client;
        Time = time;
    }

    public FakeApnsServer Server { get; }

    public ApnsClient Client { get; }

    public InstantDelays Time { get; }

    public static async Task<ApnsTestBed> StartAsync(
        PushCertificates certificates,
        Func<ApnsClientOptions, ApnsClientOptions>? configure = null,
        FakeApnsServerOptions? serverOptions = null)
    {
        var server = await FakeApnsServer.StartAsync(serverOptions);
        var time = new InstantDelays(Now);
        var options = new ApnsClientOptions
        {
            BaseAddress = server.BaseAddress,
            TrustedServerRoots = [server.CertificateAuthority.PublicCertificate()],
            TimeProvider = time,
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        var client = new ApnsClient(certificates.PushCertificate, configure?.Invoke(options) ?? options);
        return new ApnsTestBed(server, client, time);
    }

    public static MdmPush NewPush(string pushMagic = "9E1F4A5C-0D3B-4C55-8E6F-123456789ABC") =>
        new(DeviceToken.FromBytes(RandomNumberGenerator.GetBytes(32)), pushMagic);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
