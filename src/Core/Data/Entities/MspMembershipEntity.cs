namespace SaaSMdm.Core.Data.Entities;

/// <summary>A person's role in every tenant an MSP organization manages.</summary>
public sealed class MspMembershipEntity
{
    public Guid MspOrganizationId { get; set; }

    public Guid PersonId { get; set; }

    public TenantRole Role { get; set; }

    public DateTime CreatedAt { get; set; }
}
