namespace SaaSMdm.Core.Data.Entities;

/// <summary>A declaration belongs to a set (many to many).</summary>
public sealed class DeclarationSetMemberEntity : ITenantOwned
{
    public Guid SetId { get; set; }

    public Guid DeclarationId { get; set; }

    public Guid TenantId { get; set; }
}
