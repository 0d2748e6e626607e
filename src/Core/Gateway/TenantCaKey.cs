using SaaSMdm.Apple.Cms;
using SaaSMdm.Core.Certificates;

namespace SaaSMdm.Core.Gateway;

/// <summary>The tenant CA with its key, held for one request only and then wiped from memory.</summary>
internal sealed class TenantCaKey : IDisposable
{
    private TenantCaKey(SigningIdentity identity) => Identity = identity;

    public SigningIdentity Identity { get; }

    public static async Task<TenantCaKey> OpenAsync(TenantCertificateAuthorities authorities, CancellationToken cancellationToken) =>
        new(await authorities.GetSigningIdentityAsync(cancellationToken));

    public void Dispose()
    {
        Identity.PrivateKey.Dispose();
        Identity.Certificate.Dispose();
    }
}
