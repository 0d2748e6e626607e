using System.Collections.Frozen;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Identity;

/// <summary>The OAuth2 scopes of Core's API, and which scopes each role in a tenant grants a person.</summary>
public static class ApiScopes
{
    public const string TenantsRead = "tenants:read";
    public const string TenantsWrite = "tenants:write";
    public const string DevicesRead = "devices:read";
    public const string DevicesWrite = "devices:write";
    public const string CommandsRead = "commands:read";
    public const string CommandsWrite = "commands:write";
    public const string CommandsDestructive = "commands:destructive";
    public const string EnrollmentRead = "enrollment:read";
    public const string EnrollmentWrite = "enrollment:write";
    public const string DeclarationsRead = "declarations:read";
    public const string DeclarationsWrite = "declarations:write";
    public const string AuditRead = "audit:read";
    public const string EventsRead = "events:read";
    public const string WebhooksRead = "webhooks:read";
    public const string WebhooksWrite = "webhooks:write";
    public const string MembersRead = "members:read";
    public const string MembersWrite = "members:write";
    public const string ClientsRead = "clients:read";
    public const string ClientsWrite = "clients:write";
    public const string AccountRead = "account:read";
    public const string AccountWrite = "account:write";

    /// <summary>Every scope a tenant's API client may hold (creating tenants is for operators and MSPs).</summary>
    public static FrozenSet<string> TenantScopes { get; } = FrozenSet.Create(StringComparer.Ordinal,
        TenantsRead, DevicesRead, DevicesWrite, CommandsRead, CommandsWrite, CommandsDestructive, EnrollmentRead, EnrollmentWrite,
        DeclarationsRead, DeclarationsWrite, AuditRead, EventsRead, WebhooksRead, WebhooksWrite, MembersRead, MembersWrite,
        ClientsRead, ClientsWrite, AccountRead);

    /// <summary>
    /// Every scope there is: an operator's or MSP's client may also create tenants; <c>account:write</c> (a person's
    /// own password and two-factor sign-in) only means something in a person's token.
    /// </summary>
    public static FrozenSet<string> All { get; } = FrozenSet.Create(StringComparer.Ordinal, [.. TenantScopes, TenantsWrite, AccountWrite]);

    private static readonly FrozenSet<string> ReadOnly = TenantScopes.Where(scope => scope.EndsWith(":read", StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<TenantRole, FrozenSet<string>> ByRole = new Dictionary<TenantRole, FrozenSet<string>>
    {
        [TenantRole.ReadOnly] = ReadOnly,
        [TenantRole.HelpDesk] = FrozenSet.Create(StringComparer.Ordinal, [.. ReadOnly, CommandsWrite]),
        [TenantRole.Admin] = TenantScopes.Except([MembersWrite, ClientsWrite]).ToFrozenSet(StringComparer.Ordinal),
        [TenantRole.Owner] = TenantScopes,
    }.ToFrozenDictionary();

    /// <summary>What a person with <paramref name="role"/> in a tenant may do there.</summary>
    public static FrozenSet<string> OfRole(TenantRole role) => ByRole[role];

    /// <summary>Splits an OAuth2 scope parameter; null when it names a scope that does not exist.</summary>
    public static IReadOnlySet<string>? Parse(string? scope)
    {
        var scopes = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return scopes.All(All.Contains) ? scopes : null;
    }

    public static string Format(IEnumerable<string> scopes) => string.Join(' ', scopes.Order(StringComparer.Ordinal));
}
