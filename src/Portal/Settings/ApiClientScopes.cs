namespace SaaSMdm.Portal.Settings;

/// <summary>
/// The scopes a tenant's API client may hold, as Core defines them (Core's <c>ApiScopes.TenantScopes</c>; the portal
/// cannot reference Core, so they are listed here once). Core checks every requested scope again.
/// </summary>
public static class ApiClientScopes
{
    public sealed record Scope(string Name, string Description);

    public static IReadOnlyList<Scope> All { get; } =
    [
        new("tenants:read", "Read the tenant"),
        new("devices:read", "Read devices"),
        new("devices:write", "Change devices"),
        new("commands:read", "Read commands"),
        new("commands:write", "Send everyday commands"),
        new("commands:destructive", "Send destructive commands (erase, remove management)"),
        new("enrollment:read", "Read enrollment settings"),
        new("enrollment:write", "Change enrollment and the push certificate"),
        new("declarations:read", "Read declarations"),
        new("declarations:write", "Change declarations"),
        new("audit:read", "Read the audit log"),
        new("events:read", "Read events"),
        new("webhooks:read", "Read webhooks"),
        new("webhooks:write", "Change webhooks"),
        new("members:read", "Read people and roles"),
        new("members:write", "Change people and roles"),
        new("clients:read", "Read API clients"),
        new("clients:write", "Change API clients"),
        new("account:read", "Read its own account"),
    ];
}
