using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.CoreApi;

namespace SaaSMdm.Portal.Tenancy;

/// <summary>
/// The tenants the signed-in person may open, read once per request: their memberships (directly and through their
/// MSP) or, for an operator, every tenant.
/// </summary>
public sealed class PortalTenants(Account.AccountClient account, Tenants.TenantsClient tenants)
{
    private const int MaxListed = 1000;

    private Task<PersonAccount>? _me;
    private Task<IReadOnlyList<TenantChoice>>? _choices;

    public Task<PersonAccount> MeAsync(CancellationToken cancellationToken) => _me ??= LoadMeAsync(cancellationToken);

    public Task<IReadOnlyList<TenantChoice>> ChoicesAsync(CancellationToken cancellationToken) => _choices ??= LoadChoicesAsync(cancellationToken);

    /// <summary>
    /// The tenant at <paramref name="slug"/> if the person may open it. An operator may open every tenant, also those
    /// past the picker's first thousand, so theirs is looked up by slug (Core tells only operators whether one exists).
    /// </summary>
    public async Task<TenantChoice?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        if (me.Tenants.FirstOrDefault(t => string.Equals(t.TenantSlug, slug, StringComparison.Ordinal)) is { } membership)
        {
            return new TenantChoice(membership.TenantId, membership.TenantSlug, membership.TenantDisplayName, membership.Role);
        }

        if (!me.Operator)
        {
            return null;
        }

        try
        {
            var tenant = await tenants.GetTenantAsync(new GetTenantRequest { Slug = slug }, CoreCall.Options(cancellationToken));
            return new TenantChoice(tenant.Id, tenant.Slug, tenant.DisplayName, TenantRole.Owner);
        }
        catch (SaaSMdm.Rpc.RpcException ex) when (ex.StatusCode is SaaSMdm.Rpc.StatusCode.NotFound or SaaSMdm.Rpc.StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    private async Task<PersonAccount> LoadMeAsync(CancellationToken cancellationToken)
    {
        var me = await account.GetMeAsync(new GetMeRequest(), CoreCall.Options(cancellationToken));
        return me.Person ?? throw new InvalidOperationException("The portal's token is not a person's.");
    }

    private async Task<IReadOnlyList<TenantChoice>> LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        var choices = me.Tenants.Select(t => new TenantChoice(t.TenantId, t.TenantSlug, t.TenantDisplayName, t.Role)).ToList();
        if (me.Operator)
        {
            var known = choices.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var token = "";
            do
            {
                var page = await tenants.ListTenantsAsync(new ListTenantsRequest { PageSize = 500, PageToken = token }, CoreCall.Options(cancellationToken));
                choices.AddRange(page.Tenants.Where(t => !known.Contains(t.Id)).Select(t => new TenantChoice(t.Id, t.Slug, t.DisplayName, TenantRole.Owner)));
                token = page.NextPageToken;
            }
            while (token.Length > 0 && choices.Count < MaxListed);
        }

        return choices.OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
