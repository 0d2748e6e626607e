using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>Static device groups: members are device channels; a set assigned to a group reaches them all.</summary>
public sealed partial class DeclarationsService
{
    public override async Task<DeviceGroup> CreateDeviceGroup(CreateDeviceGroupRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var name = DeclarationInput.Name(request.Name);
        var members = request.DeviceIds.Count == 0 ? [] : await targets.ResolveAsync(request.DeviceIds, enrolledOnly: false, cancellationToken);
        if (await db.DeviceGroups.AnyAsync(g => g.Name == name, cancellationToken))
        {
            throw new AlreadyExistsException($"The tenant already has a device group named '{name}'.");
        }

        var group = new DeviceGroupEntity { Id = Guid.NewGuid(), TenantId = tenant.TenantId, Name = name, CreatedAt = StoredTime.UtcNow(clock) };
        db.DeviceGroups.Add(group);
        db.DeviceGroupMembers.AddRange(members.Select(id => new DeviceGroupMemberEntity { GroupId = group.Id, EnrollmentId = id, TenantId = tenant.TenantId }));
        await SaveAsync($"A device group named '{name}' was created by another call at the same moment.", cancellationToken);
        // A new group has no sets yet, so its members' declarations are unchanged.
        return DeclarationMessages.ToGroup(group, members.Count);
    }

    public override async Task<ListDeviceGroupsResponse> ListDeviceGroups(ListDeviceGroupsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var size = PageToken.Size(request.PageSize);
        var query = db.DeviceGroups.AsNoTracking();
        if (NamePage.After(request.PageToken) is { } after)
        {
            query = query.Where(g => string.Compare(g.Name, after) > 0);
        }

        var (page, next) = NamePage.Split(await query.OrderBy(g => g.Name).Take(size + 1).ToListAsync(cancellationToken), size, g => g.Name);
        var ids = page.Select(g => g.Id).ToList();
        var counts = await db.DeviceGroupMembers.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.GroupId))
            .GroupBy(m => m.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var response = new ListDeviceGroupsResponse { NextPageToken = next };
        response.Groups.AddRange(page.Select(g => DeclarationMessages.ToGroup(g, counts.GetValueOrDefault(g.Id))));
        return response;
    }

    public override async Task<DeleteDeviceGroupResponse> DeleteDeviceGroup(DeleteDeviceGroupRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var group = await FindGroupAsync(request.GroupId, cancellationToken);
        var reached = request.DeferSync || !await HasSetsAsync(group.Id, cancellationToken) ? [] : await propagation.Reach.EnrollmentsOfGroupsAsync([group.Id], cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.GroupSetAssignments.Where(a => a.GroupId == group.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DeviceGroupMembers.Where(m => m.GroupId == group.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DeviceGroups.Where(g => g.Id == group.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new DeleteDeviceGroupResponse { Sync = await propagation.NotifyAsync(request.DeferSync, reached, cancellationToken) };
    }

    public override async Task<GroupDevicesResponse> AddDevicesToGroup(GroupDevicesRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var group = await FindGroupAsync(request.GroupId, cancellationToken);
        var devices = await targets.ResolveAsync(request.DeviceIds, enrolledOnly: false, cancellationToken);
        var current = await MembersAmongAsync(group.Id, devices, cancellationToken);
        var added = devices.Where(id => !current.Contains(id)).ToList();
        db.DeviceGroupMembers.AddRange(added.Select(id => new DeviceGroupMemberEntity { GroupId = group.Id, EnrollmentId = id, TenantId = tenant.TenantId }));
        await SaveAsync($"The members of device group {group.Id} were changed by another call at the same moment; try again.", cancellationToken);
        return await GroupChangedAsync(group, added, request.DeferSync, cancellationToken);
    }

    public override async Task<GroupDevicesResponse> RemoveDevicesFromGroup(GroupDevicesRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var group = await FindGroupAsync(request.GroupId, cancellationToken);
        var devices = await targets.ResolveAsync(request.DeviceIds, enrolledOnly: false, cancellationToken);
        var removed = (await MembersAmongAsync(group.Id, devices, cancellationToken)).ToList();
        await db.DeviceGroupMembers.Where(m => m.GroupId == group.Id && EF.Parameter(removed).Contains(m.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        return await GroupChangedAsync(group, removed, request.DeferSync, cancellationToken);
    }

    /// <summary>Syncs the devices that joined or left, if the group brings them any set.</summary>
    private async Task<GroupDevicesResponse> GroupChangedAsync(DeviceGroupEntity group, List<Guid> changed, bool deferred, CancellationToken cancellationToken)
    {
        var reached = changed.Count > 0 && await HasSetsAsync(group.Id, cancellationToken) ? changed : [];
        return new GroupDevicesResponse
        {
            Group = DeclarationMessages.ToGroup(group, await db.DeviceGroupMembers.CountAsync(m => m.GroupId == group.Id, cancellationToken)),
            Sync = await propagation.NotifyAsync(deferred, reached, cancellationToken),
        };
    }

    private async Task<HashSet<Guid>> MembersAmongAsync(Guid groupId, IReadOnlyList<Guid> devices, CancellationToken cancellationToken) =>
        (await db.DeviceGroupMembers.AsNoTracking()
            .Where(m => m.GroupId == groupId && EF.Parameter(devices).Contains(m.EnrollmentId))
            .Select(m => m.EnrollmentId)
            .ToListAsync(cancellationToken)).ToHashSet();

    private Task<bool> HasSetsAsync(Guid groupId, CancellationToken cancellationToken) =>
        db.GroupSetAssignments.AnyAsync(a => a.GroupId == groupId, cancellationToken);

    /// <exception cref="NotFoundException">the tenant has no such group.</exception>
    private async Task<DeviceGroupEntity> FindGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var id = DeclarationInput.Id(groupId, "group_id");
        return await db.DeviceGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No device group with id '{id}'.");
    }
}
