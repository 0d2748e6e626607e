namespace SaaSMdm.Core.Data.Entities;

/// <summary>A named group of declarations; sets are what gets assigned to enrollments and device groups.</summary>
public sealed class DeclarationSetEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Unique in the tenant.</summary>
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
