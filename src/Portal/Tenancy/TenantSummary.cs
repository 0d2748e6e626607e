namespace SaaSMdm.Portal.Tenancy;

/// <summary>A tenant as the portal shows it.</summary>
public sealed record TenantSummary(string Id, string Slug, string DisplayName, DateTime CreatedAt, string DeviceUrl);
