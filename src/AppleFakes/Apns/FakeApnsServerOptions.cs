using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.AppleFakes.Apns;

/// <summary>Configuration of a <see cref="FakeApnsServer"/>.</summary>
public sealed class FakeApnsServerOptions
{
    /// <summary>
    /// CA whose server certificate the fake presents; <see langword="null"/> makes a new one, which
    /// <see cref="FakeApnsServer.CertificateAuthority"/> then exposes. The fake does not dispose a given CA.
    /// </summary>
    public FakeCertificateAuthority? CertificateAuthority { get; init; }

    /// <summary>
    /// When set, client certificates must chain to this CA; otherwise any client certificate is accepted
    /// (and recorded). A client without a certificate is refused either way.
    /// </summary>
    public X509Certificate2? RequiredClientIssuer { get; init; }

    /// <summary>HTTP/2 streams per connection; APNs allows up to 1000 once the certificate is accepted.</summary>
    public int MaxStreamsPerConnection { get; init; } = 1000;

    /// <summary>Wait before each answer, to stand in for APNs' latency.</summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;
}
