namespace SaaSMdm.Edge.Hosting;

/// <summary>How Edge listens and where it finds Core (section <c>Edge</c>).</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>Where devices connect: <c>https://</c> (Edge terminates TLS) or, with <see cref="TlsOffloaded"/>, <c>http://</c>.</summary>
    public string Url { get; set; } = "https://127.0.0.1:5443";

    /// <summary>Core's gRPC endpoint.</summary>
    public string CoreUrl { get; set; } = "http://127.0.0.1:5100";

    /// <summary>
    /// A load balancer in front terminates TLS and Edge speaks plain HTTP behind it. Devices then prove
    /// who they are with the Mdm-Signature header alone, as no TLS client certificate reaches Edge.
    /// </summary>
    public bool TlsOffloaded { get; set; }

    /// <summary>PKCS#12 file with the TLS certificate and key. Required for https unless a development certificate is generated.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Make a development CA and a server certificate in <see cref="DataDirectory"/> on first run and reuse
    /// them later. On by default in the Development environment only.
    /// </summary>
    public bool? GenerateDevelopmentCertificate { get; set; }

    /// <summary>Host names the development certificate is valid for, besides localhost and 127.0.0.1.</summary>
    public List<string> HostNames { get; set; } = [];

    /// <summary>Directory for local state (the development CA). Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a resolved tenant is reused before Core is asked again.</summary>
    public int TenantCacheSeconds { get; set; } = 60;

    /// <summary>How long an unknown tenant is remembered as unknown.</summary>
    public int UnknownTenantCacheSeconds { get; set; } = 10;
}
