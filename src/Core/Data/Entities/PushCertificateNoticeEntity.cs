namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// A push_certificate.expiring event already sent for one threshold of one certificate (named by its expiry). The
/// key makes the notice once-only, also when several replicas check at the same moment.
/// </summary>
public sealed class PushCertificateNoticeEntity : ITenantOwned
{
    public Guid TenantId { get; set; }

    public DateTime NotAfter { get; set; }

    /// <summary>30, 14, 7 or 1: the number of days before expiry the notice is for.</summary>
    public int ThresholdDays { get; set; }

    public DateTime SentAt { get; set; }
}
