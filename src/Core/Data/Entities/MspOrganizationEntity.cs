namespace SaaSMdm.Core.Data.Entities;

/// <summary>A managed service provider: manages the tenants that name it as their MSP.</summary>
public sealed class MspOrganizationEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
}
