using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;

namespace SaaSMdm.Core.Gateway.Scep;

/// <summary>
/// SCEP renewals of device identities: a device may renew the certificate bound to its enrollment, and the
/// enrollment then moves to the new certificate, keeping its history and queue.
/// </summary>
public sealed class IdentityRenewals(CoreDbContext db)
{
    /// <summary>The enrollment (of the current tenant, not checked out) the certificate is bound to; null when none.</summary>
    public async Task<Guid?> FindRenewableAsync(X509Certificate2 signer, CancellationToken cancellationToken)
    {
        var sha256 = DeviceCertificate.Sha256Of(signer.RawData);
        var enrollment = await db.Enrollments
            .Where(e => e.IdentityCertificateSha256 == sha256 && e.ParentId == null && e.State != EnrollmentState.CheckedOut)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return enrollment;
    }

    public Task RebindAsync(Guid enrollmentId, X509Certificate2 issued, CancellationToken cancellationToken)
    {
        var der = issued.RawData;
        var sha256 = DeviceCertificate.Sha256Of(der);
        return db.Enrollments
            .Where(e => e.Id == enrollmentId)
            .ExecuteUpdateAsync(update => update
                .SetProperty(e => e.IdentityCertificateDer, der)
                .SetProperty(e => e.IdentityCertificateSha256, sha256), cancellationToken);
    }
}
