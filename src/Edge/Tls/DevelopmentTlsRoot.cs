using Google.Protobuf;

namespace SaaSMdm.Edge.Tls;

/// <summary>
/// The development CA behind Edge's generated TLS certificate, which devices must be told to trust; empty
/// when Edge serves a certificate devices trust already (or TLS ends at a load balancer).
/// </summary>
public sealed class DevelopmentTlsRoot(ByteString certificateDer)
{
    public static DevelopmentTlsRoot None { get; } = new(ByteString.Empty);

    /// <summary>DER of the CA certificate, or empty.</summary>
    public ByteString CertificateDer { get; } = certificateDer;
}
