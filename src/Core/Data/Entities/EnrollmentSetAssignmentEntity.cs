namespace SaaSMdm.Core.Data.Entities;

/// <summary>A set assigned to one enrollment channel: a device channel or a user channel, each on its own.</summary>
public sealed class EnrollmentSetAssignmentEntity : ITenantOwned
{
    public Guid EnrollmentId { get; set; }

    public Guid SetId { get; set; }

    public Guid TenantId { get; set; }

    public DateTime AssignedAt { get; set; }
}
