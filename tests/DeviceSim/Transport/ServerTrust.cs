using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>Which TLS server certificates the device accepts.</summary>
public sealed record ServerTrust
{
    /// <summary>The only roots trusted; empty means the operating system's trust store.</summary>
    public IReadOnlyList<X509Certificate2> TrustedRoots { get; init; } = [];

    /// <summary>
    /// Trust the roots of the enrollment profile's <c>com.apple.security.root</c> payloads from then on, as a device
    /// that installed the profile does. Without <see cref="TrustedRoots"/> the download itself is then accepted from
    /// any server certificate (like a user clicking through a browser warning): whoever answers that first request
    /// decides what the device trusts afterwards, so use it on networks you control only.
    /// </summary>
    public bool TrustProfileRoot { get; init; }
}
