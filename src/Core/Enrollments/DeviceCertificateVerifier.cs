using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Core.Data;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Checks the certificate a device proved it holds: it must be one the current tenant's CA issued and still
/// valid. A device of another tenant, a self-signed or an expired certificate is refused.
/// </summary>
public sealed class DeviceCertificateVerifier(
    TenantCertificateAuthorities authorities, VerifiedDeviceCertificates verified, TenantContext tenant, TimeProvider clock)
{
    /// <exception cref="PermissionDeniedException">no certificate, an unreadable one, or one this tenant's CA did not issue or that is not valid now.</exception>
    public async Task<DeviceCertificate> VerifyAsync(DeviceIdentity? identity, CancellationToken cancellationToken)
    {
        if (identity is null || identity.CertificateDer.IsEmpty)
        {
            throw new PermissionDeniedException("The request carries no device identity certificate.");
        }

        var der = identity.CertificateDer.ToByteArray();
        var sha256 = DeviceCertificate.Sha256Of(der);
        var now = clock.GetUtcNow().UtcDateTime;
        if (verified.IsVerified(tenant.TenantId, sha256, now))
        {
            return new DeviceCertificate(der, sha256);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new PermissionDeniedException($"The device identity certificate is unreadable: {e.Message}");
        }

        using (certificate)
        {
            using var ca = await authorities.GetCertificateAsync(cancellationToken);
            var chain = new CertificateChainValidator(clock).Validate(certificate, ca);
            if (!chain.IsValid)
            {
                throw new PermissionDeniedException($"The device identity certificate is not a valid identity of this organization: {chain.Description}");
            }

            verified.Remember(tenant.TenantId, sha256, certificate.NotAfter.ToUniversalTime(), now);
            return new DeviceCertificate(der, sha256);
        }
    }
}
