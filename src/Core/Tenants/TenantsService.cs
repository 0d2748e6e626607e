using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Contracts;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Tenants;

/// <summary>The public Tenants API: a caller sees the tenants it may act in; operators and MSPs create tenants.</summary>
public sealed class TenantsService(ITenantStore store, TenantProvisioner provisioner, TenantAccess access, CurrentCaller current) : Contracts.V1.Tenants.TenantsBase
{
    private const int MaxDisplayNameLength = 200;

    public override async Task<Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        if (TenantSlug.Validate(request.Slug) is { } slugProblem)
        {
            throw new InvalidArgumentException(slugProblem);
        }

        var displayName = request.DisplayName.Trim();
        if (displayName.Length is 0 or > MaxDisplayNameLength || displayName.Any(char.IsControl))
        {
            throw new InvalidArgumentException($"display_name must be 1 to {MaxDisplayNameLength} characters without control characters.");
        }

        var (allowed, mspOrganizationId) = await access.TenantCreatorAsync(current.Caller, context.CancellationToken);
        if (!allowed)
        {
            throw new PermissionDeniedException("Only operators and MSP organizations create tenants.");
        }

        try
        {
            return ToMessage(await provisioner.CreateAsync(request.Slug, displayName, mspOrganizationId, context.CancellationToken));
        }
        catch (SlugTakenException ex)
        {
            throw new AlreadyExistsException(ex.Message);
        }
    }

    public override async Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var tenant = request.KeyCase switch
        {
            GetTenantRequest.KeyOneofCase.Id => Guid.TryParse(request.Id, out var id)
                ? await store.FindByIdAsync(id, context.CancellationToken)
                : throw new InvalidArgumentException("id must be a UUID."),
            GetTenantRequest.KeyOneofCase.Slug => TenantSlugFormat.IsWellFormed(request.Slug)
                ? await store.FindBySlugAsync(request.Slug, context.CancellationToken)
                : null,
            _ => throw new InvalidArgumentException("Set id or slug."),
        };

        // Only operators, who may see every tenant, learn whether one exists; everyone else gets one answer for both.
        if (tenant is not null && await access.ScopesInTenantAsync(current.Caller, tenant.Id, context.CancellationToken) is not null)
        {
            return ToMessage(tenant);
        }

        var named = $"{request.KeyCase.ToString().ToLowerInvariant()} '{CallerText.Shorten(request.KeyCase == GetTenantRequest.KeyOneofCase.Id ? request.Id : request.Slug)}'";
        throw tenant is null && await access.IsOperatorAsync(current.Caller, context.CancellationToken)
            ? new NotFoundException($"No tenant with {named}.")
            : new PermissionDeniedException($"The caller may not act in a tenant with {named}.");
    }

    public override async Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context)
    {
        var size = PageToken.Size(request.PageSize);
        var visible = await access.AccessibleTenantsAsync(current.Caller, context.CancellationToken);
        var page = await store.ListAsync(visible, PageToken.Read(request.PageToken), size + 1, context.CancellationToken);
        var response = new ListTenantsResponse();
        response.Tenants.AddRange(page.Take(size).Select(ToMessage));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Create(page[size - 1].Slug);
        }

        return response;
    }

    internal static Tenant ToMessage(TenantEntity tenant) => new()
    {
        Id = tenant.Id.ToString(),
        Slug = tenant.Slug,
        DisplayName = tenant.DisplayName,
        CreateTime = Timestamp.FromDateTime(tenant.CreatedAt),
        MspOrganizationId = tenant.MspOrganizationId?.ToString() ?? "",
    };
}
