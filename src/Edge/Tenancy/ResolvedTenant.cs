namespace SaaSMdm.Edge.Tenancy;

/// <summary>The tenant a device URL names, as Core knows it.</summary>
public sealed record ResolvedTenant(string Id, string Slug, string DisplayName);
