using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Checks the certificate a device proved it holds: it must be one the current tenant's CA issued and still
/// valid. A device of another tenant, a self-signed or an expired certificate is refused.
/// </summary>
public sealed class DeviceCertificateVerifier(TenantCertificateAuthorities authorities, TimeProvider clock)
{
    /// <exception cref="PermissionDeniedException">no certificate, an unreadable one, or one this tenant's CA did not issue or that is not valid now.</exception>
    public async Task<DeviceCertificate> VerifyAsync(DeviceIdentity? identity, CancellationToken cancellationToken)
    {
        if (identity is null || identity.CertificateDer.IsEmpty)
        {
            throw new PermissionDeniedException("The request carries no device identity certificate.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(identity.CertificateDer.Span);
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

            return new DeviceCertificate(certificate.RawData, DeviceCertificate.Sha256Of(certificate.RawData));
        }
    }
}
