namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// A person's role in one tenant. Not filtered by the request's tenant: access is decided before a request
/// enters a tenant, so every query of memberships names its person or tenant explicitly.
/// </summary>
public sealed class TenantMembershipEntity
{
    public Guid TenantId { get; set; }

    public Guid PersonId { get; set; }

    public TenantRole Role { get; set; }

    public DateTime CreatedAt { get; set; }
}
