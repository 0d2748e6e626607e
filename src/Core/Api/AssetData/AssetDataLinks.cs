using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Api.Enrollment;
using SaaSMdm.Core.Data;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.AssetData;

/// <summary>Where devices fetch a tenant's asset data: Edge's public URL (<c>Enrollment:PublicEdgeUrl</c>), then <c>/t/{slug}/ddm/assets/{id}</c>.</summary>
public sealed class AssetDataLinks(CoreDbContext db, TenantContext tenant, IOptions<EnrollmentLinkOptions> links)
{
    /// <summary>The URL maker for the current tenant, or null when Core does not know Edge's public URL.</summary>
    public async Task<Func<Guid, string>?> ForTenantAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(links.Value.PublicEdgeUrl))
        {
            return null;
        }

        var tenantBase = $"{links.Value.PublicEdgeUrl.TrimEnd('/')}/t/{await SlugAsync(cancellationToken)}/ddm/assets/";
        return id => tenantBase + id.ToString("D");
    }

    /// <exception cref="FailedPreconditionException">Core does not know Edge's public URL.</exception>
    public async Task<Func<Guid, string>> RequireForTenantAsync(CancellationToken cancellationToken) =>
        await ForTenantAsync(cancellationToken)
        ?? throw new FailedPreconditionException(
            $"Core does not know Edge's public URL, so it cannot say where devices fetch asset data: set {EnrollmentLinkOptions.Section}:PublicEdgeUrl (e.g. https://mdm.example.com).");

    // Tenants are not tenant-owned rows, so no query filter applies: name the tenant explicitly.
    private Task<string> SlugAsync(CancellationToken cancellationToken) =>
        db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.Slug).SingleAsync(cancellationToken);
}
