using SaaSMdm.Contracts;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Declarations.Assets;
using SaaSMdm.Core.Enrollments.CheckIns;
using SaaSMdm.Core.Enrollments.Connect;
using SaaSMdm.Core.Gateway.Profiles;
using SaaSMdm.Core.Gateway.Scep;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Gateway;

/// <summary>The internal contract Edge calls, one call per device request: each call enters its tenant and goes to its handler.</summary>
public sealed class DeviceGatewayService(
    ITenantStore tenants,
    GatewayTenants gatewayTenants,
    EnrollmentProfileIssuer profiles,
    TenantScepEndpoint scep,
    CheckInProcessor checkIns,
    CommandChannel commands,
    AssetDataDownloads assetData) : DeviceGateway.DeviceGatewayBase
{
    public override async Task<ResolveTenantResponse> ResolveTenant(ResolveTenantRequest request, ServerCallContext context)
    {
        var tenant = TenantSlugFormat.IsWellFormed(request.Slug)
            ? await tenants.FindBySlugAsync(request.Slug, context.CancellationToken)
            : null;
        return tenant is null
            ? throw new NotFoundException($"Unknown tenant '{request.Slug}'.")
            : new ResolveTenantResponse { TenantId = tenant.Id.ToString(), Slug = tenant.Slug, DisplayName = tenant.DisplayName };
    }

    public override async Task<GetEnrollmentProfileResponse> GetEnrollmentProfile(GetEnrollmentProfileRequest request, ServerCallContext context)
    {
        var tenant = await gatewayTenants.EnterAsync(request.TenantId, context.CancellationToken);
        return await profiles.IssueAsync(tenant, request, context.CancellationToken);
    }

    public override async Task<ScepResponse> Scep(ScepRequest request, ServerCallContext context)
    {
        await gatewayTenants.EnterExistingAsync(request.TenantId, context.CancellationToken);
        return await scep.HandleAsync(request, context.CancellationToken);
    }

    public override async Task<DeviceResponse> CheckIn(CheckInRequest request, ServerCallContext context)
    {
        await gatewayTenants.EnterExistingAsync(request.TenantId, context.CancellationToken);
        return await checkIns.HandleAsync(request, context.CancellationToken);
    }

    public override async Task<DeviceResponse> Connect(ConnectRequest request, ServerCallContext context)
    {
        await gatewayTenants.EnterExistingAsync(request.TenantId, context.CancellationToken);
        return await commands.HandleAsync(request, context.CancellationToken);
    }

    public override async Task<DeviceResponse> GetAssetData(DeviceAssetDataRequest request, ServerCallContext context)
    {
        await gatewayTenants.EnterExistingAsync(request.TenantId, context.CancellationToken);
        return await assetData.HandleAsync(request, context.CancellationToken);
    }
}
