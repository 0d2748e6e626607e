namespace SaaSMdm.Core.Data.Entities;

/// <summary>A set assigned to a device group: it reaches the device channel of every member.</summary>
public sealed class GroupSetAssignmentEntity : ITenantOwned
{
    public Guid GroupId { get; set; }

    public Guid SetId { get; set; }

    public Guid TenantId { get; set; }

    public DateTime AssignedAt { get; set; }
}
