using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Push;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>The public Devices API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class DevicesService(CoreDbContext db, EnrollmentChannelRemoval channels, PushSender pushes, TimeProvider clock) : Contracts.V1.Devices.DevicesBase
{
    public override async Task<ListDevicesResponse> ListDevices(ListDevicesRequest request, ServerCallContext context)
    {
        var size = PageToken.Size(request.PageSize);
        var page = await DeviceListQuery.ReadAsync(db, request, size, context.CancellationToken);
        var pending = await PendingCountsAsync(page.Devices.Select(d => d.Id).ToArray(), context.CancellationToken);

        var response = new ListDevicesResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Devices.AddRange(page.Devices.Select(d => DeviceMessages.ToDevice(d, pending.GetValueOrDefault(d.Id))));
        return response;
    }

    public override Task<FleetSummary> GetFleetSummary(GetFleetSummaryRequest request, ServerCallContext context) =>
        FleetSummaryQuery.ReadAsync(db, StoredTime.UtcNow(clock), context.CancellationToken);

    public override async Task<Device> GetDevice(GetDeviceRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var device = await DeviceChannels.FindAsync(db, request.DeviceId, cancellationToken);
        var pending = await PendingCountsAsync([device.Id], cancellationToken);
        var users = await db.Enrollments.AsNoTracking()
            .Where(e => e.ParentId == device.Id)
            .OrderBy(e => e.ChannelId)
            .ToListAsync(cancellationToken);
        var inventory = await db.InventorySnapshots.AsNoTracking()
            .Where(s => s.EnrollmentId == device.Id)
            .ToListAsync(cancellationToken);

        var message = DeviceMessages.ToDevice(device, pending.GetValueOrDefault(device.Id));
        message.UserChannels.AddRange(users.Select(DeviceMessages.ToUserChannel));
        message.InventoryJson.Add(inventory.ToDictionary(s => s.Kind, s => s.Json));
        return message;
    }

    public override async Task<PushDeviceResponse> PushDevice(PushDeviceRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var device = await DeviceChannels.FindAsync(db, request.DeviceId, cancellationToken);
        if (!Pushable.Is(device))
        {
            throw new FailedPreconditionException(WhyNotPushable(device));
        }

        if (!await db.PushCertificates.AnyAsync(cancellationToken))
        {
            throw new FailedPreconditionException("The tenant has no push certificate; upload one with UploadPushCertificate.");
        }

        var results = await pushes.SendAsync([device.Id], cancellationToken);
        return results.Count == 1
            ? new PushDeviceResponse { Outcome = results[0].Describe() }
            : throw new FailedPreconditionException("The device stopped being pushable while the push was prepared; try again.");
    }

    public override async Task<RemoveDeviceResponse> RemoveDevice(RemoveDeviceRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var device = await DeviceChannels.FindAsync(db, request.DeviceId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await channels.RemoveDeviceAsync(device.Id, cancellationToken);
        EventLog.Append(db, EventTypes.DeviceCheckedOut, device.TenantId, StoredTime.UtcNow(clock), EventData.CheckedOut("removed", removed), device);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RemoveDeviceResponse();
    }

    private async Task<Dictionary<Guid, int>> PendingCountsAsync(Guid[] deviceIds, CancellationToken cancellationToken) =>
        await db.CommandQueue.AsNoTracking()
            .Where(q => deviceIds.Contains(q.EnrollmentId))
            .GroupBy(q => q.EnrollmentId)
            .Select(g => new { EnrollmentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.EnrollmentId, g => g.Count, cancellationToken);

    private static string WhyNotPushable(Data.Entities.EnrollmentEntity device) => device switch
    {
        { State: not Data.Entities.EnrollmentState.Enrolled } => $"The device is not enrolled (state {device.State}); only enrolled devices can be pushed.",
        { PushToken: null } or { PushMagic: null } => "The device has not sent a push token yet.",
        _ => $"APNs refused the device's push token at {device.PushTokenInvalidSince:O}; it is pushed again after the device sends a new token.",
    };
}
