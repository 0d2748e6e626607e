using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>The public DeclarativeStatus API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class DeclarativeStatusService(ChannelLookup channels, DeviceStatusView devices, StatusReportPages reports, DeclarationFleetView fleet)
    : Contracts.V1.DeclarativeStatus.DeclarativeStatusBase
{
    public override async Task<DeviceDeclarativeStatus> GetDeviceStatus(GetDeviceStatusRequest request, ServerCallContext context)
    {
        var channel = await channels.FindAsync(request.DeviceId, request.UserChannelId, context.CancellationToken);
        return await devices.ReadAsync(channel, context.CancellationToken);
    }

    public override async Task<ListStatusReportsResponse> ListStatusReports(ListStatusReportsRequest request, ServerCallContext context)
    {
        var channel = await channels.FindAsync(request.DeviceId, request.UserChannelId, context.CancellationToken);
        return await reports.ListAsync(channel.Id, request.PageSize, request.PageToken, context.CancellationToken);
    }

    public override Task<DeclarationFleetStatus> GetDeclarationFleetStatus(GetDeclarationFleetStatusRequest request, ServerCallContext context) =>
        fleet.ReadAsync(request.Identifier, request.PageSize, request.PageToken, context.CancellationToken);
}
