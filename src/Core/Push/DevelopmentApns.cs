using System.Security.Cryptography.X509Certificates;
using SaaSMdm.AppleFakes;
using SaaSMdm.AppleFakes.Apns;

namespace SaaSMdm.Core.Push;

/// <summary>
/// Development mode's APNs: a fake inside Core on 127.0.0.1. Its CA issues the tenants' development push
/// certificates (the fake accepts any client certificate) and its TLS server certificate.
/// </summary>
public sealed partial class DevelopmentApns(ILogger<DevelopmentApns> logger) : IApnsEndpoint, IHostedService, IAsyncDisposable
{
    private FakeApnsServer? _server;
    private int _disposed;

    /// <summary>Issues development push certificates; made at once so tenants can be provisioned before the server starts.</summary>
    public FakeCertificateAuthority Authority { get; } = FakeCertificateAuthority.Create("SaaSMdm Development APNs CA");

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("The development APNs has not started yet.");

    public X509Certificate2Collection? TrustedServerRoots => [Authority.PublicCertificate()];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await FakeApnsServer.StartAsync(new FakeApnsServerOptions { CertificateAuthority = Authority }, cancellationToken);
        LogStarted(logger, _server.BaseAddress);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Registered under several service types, so the container may call this more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Authority.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development APNs: pushes go to a fake APNs at {BaseAddress}, not to Apple")]
    private static partial void LogStarted(ILogger logger, Uri baseAddress);
}
