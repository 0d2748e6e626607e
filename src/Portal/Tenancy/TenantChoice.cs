using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.Tenancy;

/// <summary>A tenant the signed-in person may open, with their role there.</summary>
public sealed record TenantChoice(string Id, string Slug, string DisplayName, TenantRole Role)
{
    public TenantPermissions Permissions { get; } = new(Role);

    /// <summary>The portal's address of a page of this tenant, e.g. <c>Path("devices")</c>.</summary>
    public string Path(string page = "") => page.Length == 0 ? $"/t/{Slug}" : $"/t/{Slug}/{page}";
}
