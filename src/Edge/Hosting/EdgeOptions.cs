using SaaSMdm.Apple.Mdm;
using SaaSMdm.Contracts;

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

    /// <summary>
    /// The public URL devices reach Edge at (e.g. <c>https://mdm.example.com</c>); enrollment profiles point
    /// devices at it. Unset, it is taken from each request's scheme and Host header, which is only right when
    /// devices connect to Edge directly: behind a load balancer, or wherever the Host header cannot be trusted,
    /// set it (required with <see cref="TlsOffloaded"/>). It must be a <see cref="DeviceBaseUrl"/>, as Core checks too.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The largest check-in or command report body accepted, in bytes; larger ones get 413 before they are read
    /// in full. At most <see cref="MdmMessageLimits.MaxMessageBytes"/>; Core's <c>Grpc:MaxReceiveMessageSize</c>
    /// must exceed it plus the device's certificate.
    /// </summary>
    public int MaxDeviceRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How long Edge waits for Core to answer a device request before giving the device 503.</summary>
    public int CoreCallTimeoutSeconds { get; set; } = 10;

    /// <exception cref="InvalidOperationException">A setting cannot be used.</exception>
    internal void Validate()
    {
        if (!string.IsNullOrEmpty(PublicUrl) && !DeviceBaseUrl.TryParse(PublicUrl, out _))
        {
            throw new InvalidOperationException($"Edge:PublicUrl '{PublicUrl}' must be {DeviceBaseUrl.Rule}.");
        }

        if (TlsOffloaded && string.IsNullOrEmpty(PublicUrl))
        {
            throw new InvalidOperationException(
                "Edge:PublicUrl is required with Edge:TlsOffloaded: behind a load balancer the request's scheme and Host are not the URL devices use.");
        }

        if (MaxDeviceRequestBytes is < 1 or > MdmMessageLimits.MaxMessageBytes)
        {
            throw new InvalidOperationException($"Edge:MaxDeviceRequestBytes must be between 1 and {MdmMessageLimits.MaxMessageBytes}, the most Core reads.");
        }

        if (CoreCallTimeoutSeconds < 1)
        {
            throw new InvalidOperationException("Edge:CoreCallTimeoutSeconds must be at least 1.");
        }
    }
}
