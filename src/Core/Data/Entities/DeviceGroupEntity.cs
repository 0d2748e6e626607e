namespace SaaSMdm.Core.Data.Entities;

/// <summary>A static list of devices (device channels) that sets can be assigned to.</summary>
public sealed class DeviceGroupEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Unique in the tenant.</summary>
    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
}
