using SaaSMdm.Contracts;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Gateway;

/// <summary>The internal contract Edge calls, one call per device request.</summary>
public sealed class DeviceGatewayService(ITenantStore tenants) : DeviceGateway.DeviceGatewayBase
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

    public override Task<GetEnrollmentProfileResponse> GetEnrollmentProfile(GetEnrollmentProfileRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Enrollment profiles are not served yet."));

    public override Task<ScepResponse> Scep(ScepRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "SCEP is not served yet."));

    public override Task<DeviceResponse> CheckIn(CheckInRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Check-ins are not served yet."));

    public override Task<DeviceResponse> Connect(ConnectRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "The command channel is not served yet."));
}
