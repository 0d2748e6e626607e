using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace SaaSMdm.AppleFakes.Apns;

/// <summary>
/// An APNs provider API on 127.0.0.1 (random port, HTTP/2 over TLS, client certificate required) that checks
/// MDM pushes like APNs, records them and answers as programmed (200 unless told otherwise).
/// </summary>
public sealed class FakeApnsServer : IAsyncDisposable
{
    /// <summary>A reply count meaning "for every push from now on".</summary>
    public const int Forever = int.MaxValue;

    private readonly WebApplication _app;
    private readonly FakeCertificateAuthority? _ownedAuthority;
    private readonly X509Certificate2 _serverCertificate;
    private readonly TimeSpan _responseDelay;
    private readonly PushLog _log = new();
    private readonly CertificateTopics _topics = new();
    private readonly ReplyBook _replies = new();
    private readonly ConcurrencyGauge _requests = new();

    private FakeApnsServer(FakeApnsServerOptions options)
    {
        _ownedAuthority = options.CertificateAuthority is null ? FakeCertificateAuthority.Create() : null;
        CertificateAuthority = options.CertificateAuthority ?? _ownedAuthority!;
        _serverCertificate = CertificateAuthority.IssueServerCertificate();
        ServerCertificate = X509CertificateLoader.LoadCertificate(_serverCertificate.RawData);
        _responseDelay = options.ResponseDelay;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = _serverCertificate;
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = (certificate, _, _) =>
                        options.RequiredClientIssuer is not { } issuer || ChainsTo(certificate, issuer);
                });
            });
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The CA that issued the server certificate: clients must trust it.</summary>
    public FakeCertificateAuthority CertificateAuthority { get; }

    /// <summary>The server certificate presented in TLS, without its key, e.g. for pinning.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary><c>https://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every push that passed the request checks, in arrival order.</summary>
    public IReadOnlyList<ReceivedPush> ReceivedPushes => _log.Snapshot();

    /// <summary>The most requests the fake was handling at the same time.</summary>
    public int MaxConcurrentRequests => _requests.Peak;

    public static async Task<FakeApnsServer> StartAsync(FakeApnsServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeApnsServer(options ?? new FakeApnsServerOptions());
        try
        {
            await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = server._app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Answers the next <paramref name="times"/> pushes to this token with <paramref name="reply"/>.</summary>
    /// <remarks>Steps queue up per token; when they run out, <see cref="ReplyToAll"/> applies, then 200.</remarks>
    public void ReplyTo(string deviceTokenHex, FakeApnsReply reply, int times = Forever) => _replies.AddFor(deviceTokenHex, reply, times);

    /// <summary>Answers the next <paramref name="times"/> pushes without a token-specific step.</summary>
    public void ReplyToAll(FakeApnsReply reply, int times = Forever) => _replies.AddForAll(reply, times);

    /// <summary>Waits until at least <paramref name="count"/> pushes were received.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/>.</exception>
    public Task<IReadOnlyList<ReceivedPush>> WaitForPushesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _log.WaitForAsync(count, timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _serverCertificate.Dispose();
        ServerCertificate.Dispose();
        _ownedAuthority?.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enter();
        try
        {
            if (_responseDelay > TimeSpan.Zero)
            {
                await Task.Delay(_responseDelay, context.RequestAborted).ConfigureAwait(false);
            }

            var certificate = context.Connection.ClientCertificate
                ?? throw new InvalidOperationException("Kestrel let a request through without a client certificate.");
            var (push, rejection) = await PushRequestReader.ReadAsync(context, _topics.Of(certificate)).ConfigureAwait(false);
            if (push is null)
            {
                await WriteAsync(context, rejection!, null).ConfigureAwait(false);
                return;
            }

            var reply = _replies.Next(push.DeviceToken);
            _log.Add(new ReceivedPush(
                push.DeviceToken, push.Topic, push.Priority, push.Expiration, push.ApnsId, push.PushMagic,
                certificate.Subject, certificate.GetCertHashString(HashAlgorithmName.SHA256), context.Connection.Id,
                DateTimeOffset.UtcNow, reply));
            await WriteAsync(context, reply, push.ApnsId).ConfigureAwait(false);
        }
        finally
        {
            _requests.Exit();
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeApnsReply reply, Guid? apnsId)
    {
        if (reply.ResetsStream)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.Headers["apns-id"] = (apnsId ?? Guid.NewGuid()).ToString("D");
        if (reply.Status == 200)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(ErrorBody(reply), context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[] ErrorBody(FakeApnsReply reply)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("reason", reply.Reason ?? "");
            if (reply.Timestamp is { } timestamp)
            {
                json.WriteNumber("timestamp", timestamp.ToUnixTimeMilliseconds());
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(issuer);
        return chain.Build(certificate);
    }
}
