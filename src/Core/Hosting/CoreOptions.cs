namespace SaaSMdm.Core.Hosting;

/// <summary>Where Core listens (section <c>Core</c>).</summary>
public sealed class CoreOptions
{
    public const string Section = "Core";

    /// <summary>
    /// The gRPC endpoint for Edge, the portal and API clients. <c>http://</c> is cleartext HTTP/2 (h2c, for
    /// traffic inside a cluster); <c>https://</c> needs <see cref="TlsCertificatePath"/>. Loopback by default, so a
    /// new installation is not reachable from other hosts until someone decides it should be.
    /// </summary>
    public string GrpcUrl { get; set; } = "http://127.0.0.1:5100";

    /// <summary>HTTP/1.1 endpoint for /healthz and /readyz probes and the OAuth2 token endpoint; <c>https://</c> uses <see cref="TlsCertificatePath"/>.</summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:5101";

    /// <summary>PKCS#12 (.pfx) file with the certificate and key for an https <see cref="GrpcUrl"/>.</summary>
    public string? TlsCertificatePath { get; set; }

    public string? TlsCertificatePassword { get; set; }
}
