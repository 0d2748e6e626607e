using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace SaaSMdm.Core.Push;

/// <summary>APNs as configured: Apple's host by default, or another one with its own CA.</summary>
public sealed class ConfiguredApnsEndpoint(IOptions<ApnsOptions> options) : IApnsEndpoint
{
    private readonly Lazy<X509Certificate2Collection?> _roots = new(() => LoadRoots(options.Value.ServerCertificateAuthorityPath));

    public Uri BaseAddress { get; } = new(options.Value.BaseUrl);

    public X509Certificate2Collection? TrustedServerRoots => _roots.Value;

    private static X509Certificate2Collection? LoadRoots(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots.Count > 0 ? roots : throw new InvalidOperationException($"Apns:ServerCertificateAuthorityPath '{path}' holds no PEM certificate.");
    }
}
