using Microsoft.Extensions.Options;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.Hosting;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Portal.Tenancy;

/// <summary>The portal's view of Core's Tenants API, with errors turned into sentences for people.</summary>
public sealed class TenantDirectory(Contracts.V1.Tenants.TenantsClient client, IOptions<PortalOptions> options)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<TenantSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var tenants = new List<TenantSummary>();
        var token = "";
        do
        {
            var page = await client.ListTenantsAsync(new ListTenantsRequest { PageSize = 500, PageToken = token }, Options(cancellationToken));
            tenants.AddRange(page.Tenants.Select(ToSummary));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return tenants;
    }

    /// <exception cref="PortalException">Core refused the tenant; the message says why in words a person can act on.</exception>
    public async Task<TenantSummary> CreateAsync(string slug, string displayName, CancellationToken cancellationToken)
    {
        try
        {
            var tenant = await client.CreateTenantAsync(
                new CreateTenantRequest { Slug = slug.Trim(), DisplayName = displayName.Trim() }, Options(cancellationToken));
            return ToSummary(tenant);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists)
        {
            throw new PortalException(ex.Status.Detail, ex);
        }
    }

    private static CallOptions Options(CancellationToken cancellationToken) =>
        new CallOptions(CancellationToken: cancellationToken).WithTimeout(CallTimeout);

    private TenantSummary ToSummary(Tenant tenant) => new(
        tenant.Id,
        tenant.Slug,
        tenant.DisplayName,
        tenant.CreateTime.ToDateTime(),
        $"{options.Value.EdgeUrl.TrimEnd('/')}/t/{tenant.Slug}/");
}

/// <summary>Something the person can fix: the message is meant to be shown.</summary>
public sealed class PortalException(string message, Exception inner) : Exception(message, inner);
