using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Core.Push;

/// <summary>Where pushes go and which server certificates are trusted there.</summary>
public interface IApnsEndpoint
{
    Uri BaseAddress { get; }

    /// <summary>Roots to trust instead of the system's; null trusts the system.</summary>
    X509Certificate2Collection? TrustedServerRoots { get; }
}
