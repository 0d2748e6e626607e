namespace SaaSMdm.Core.Data.Entities;

/// <summary>A device channel is a member of a device group.</summary>
public sealed class DeviceGroupMemberEntity : ITenantOwned
{
    public Guid GroupId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid TenantId { get; set; }
}
