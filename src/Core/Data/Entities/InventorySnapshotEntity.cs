namespace SaaSMdm.Core.Data.Entities;

/// <summary>The latest inventory of one kind (DeviceInformation, SecurityInfo, ProfileList, ...) an enrollment reported.</summary>
public sealed class InventorySnapshotEntity : ITenantOwned
{
    public Guid EnrollmentId { get; set; }

    /// <summary>The RequestType that produced it.</summary>
    public required string Kind { get; set; }

    public Guid TenantId { get; set; }

    public required string Json { get; set; }

    public DateTime UpdatedAt { get; set; }
}
