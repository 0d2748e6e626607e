namespace SaaSMdm.Core.Data.Entities;

/// <summary>An organization whose devices this system manages.</summary>
public sealed class TenantEntity
{
    public Guid Id { get; set; }

    /// <summary>URL-safe, unique across the system, never changes: devices know their tenant by it.</summary>
    public required string Slug { get; set; }

    public required string DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Devices may download the enrollment profile without an enrollment token.</summary>
    public bool OpenEnrollment { get; set; }

    /// <summary>Every device gets the built-in status subscription (the items the portal shows) with its declarations.</summary>
    public bool DefaultStatusSubscription { get; set; } = true;

    /// <summary>The MSP organization that manages this tenant, if any: its people and API clients may act here.</summary>
    public Guid? MspOrganizationId { get; set; }
}
