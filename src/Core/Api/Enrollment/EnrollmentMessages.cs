using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Api.Enrollment;

/// <summary>Enrollment rows as API messages; secrets and keys never leave.</summary>
public static class EnrollmentMessages
{
    public static EnrollmentToken ToToken(EnrollmentTokenEntity token) => new()
    {
        Id = token.Id.ToString(),
        Label = token.Label,
        CreateTime = ApiTimestamps.From(token.CreatedAt),
        ExpireTime = ApiTimestamps.From(token.ExpiresAt),
        MaxUses = token.MaxUses,
        Uses = token.Uses,
        Revoked = token.RevokedAt is not null,
    };

    public static PushCertificate ToPushCertificate(PushCertificateEntity stored, DateTime? pendingRequestCreatedAt)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(stored.CertificateDer);
        return new PushCertificate
        {
            Topic = stored.Topic,
            NotBefore = ApiTimestamps.From(stored.NotBefore),
            NotAfter = ApiTimestamps.From(stored.NotAfter),
            Subject = certificate.Subject,
            Sha256Fingerprint = Fingerprint(stored.CertificateDer),
            UploadTime = ApiTimestamps.From(stored.UploadedAt),
            Development = stored.IsDevelopment,
            PendingRequestCreateTime = ApiTimestamps.From(pendingRequestCreatedAt),
        };
    }

    public static EnrollmentSettings ToSettings(bool openEnrollment, CertificateAuthorityEntity? ca, DateTime? pendingPushRequestCreatedAt)
    {
        var settings = new EnrollmentSettings { OpenEnrollment = openEnrollment, PendingPushRequestCreateTime = ApiTimestamps.From(pendingPushRequestCreatedAt) };
        if (ca is not null)
        {
            using var certificate = X509CertificateLoader.LoadCertificate(ca.CertificateDer);
            settings.CaFingerprint = Fingerprint(ca.CertificateDer);
            settings.CaExpireTime = ApiTimestamps.From(certificate.NotAfter.ToUniversalTime());
        }

        return settings;
    }

    /// <summary>SHA-256 of the DER, lowercase hex.</summary>
    public static string Fingerprint(byte[] der) => Convert.ToHexStringLower(SHA256.HashData(der));
}
