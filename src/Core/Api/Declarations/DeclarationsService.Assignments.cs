using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>Assignments of sets to channels (device and user channels, each on its own) and to device groups.</summary>
public sealed partial class DeclarationsService
{
    public const int MaxAssignedGroups = 1000;

    public override async Task<AssignSetResponse> AssignSet(AssignSetRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var (set, channelIds, groupIds) = await ResolveAssignmentAsync(request, cancellationToken);
        var assignedChannels = (await db.EnrollmentSetAssignments.AsNoTracking()
            .Where(a => a.SetId == set.Id && EF.Parameter(channelIds).Contains(a.EnrollmentId)).Select(a => a.EnrollmentId).ToListAsync(cancellationToken)).ToHashSet();
        var assignedGroups = (await db.GroupSetAssignments.AsNoTracking()
            .Where(a => a.SetId == set.Id && EF.Parameter(groupIds).Contains(a.GroupId)).Select(a => a.GroupId).ToListAsync(cancellationToken)).ToHashSet();
        var newChannels = channelIds.Where(id => !assignedChannels.Contains(id)).ToList();
        var newGroups = groupIds.Where(id => !assignedGroups.Contains(id)).ToList();

        var now = StoredTime.UtcNow(clock);
        db.EnrollmentSetAssignments.AddRange(newChannels.Select(id => new EnrollmentSetAssignmentEntity { EnrollmentId = id, SetId = set.Id, TenantId = tenant.TenantId, AssignedAt = now }));
        db.GroupSetAssignments.AddRange(newGroups.Select(id => new GroupSetAssignmentEntity { GroupId = id, SetId = set.Id, TenantId = tenant.TenantId, AssignedAt = now }));
        await SaveAsync($"Set {set.Id} was assigned by another call at the same moment; try again.", cancellationToken);
        return new AssignSetResponse { Sync = await NotifyAssignmentAsync(newChannels, newGroups, request.DeferSync, cancellationToken) };
    }

    public override async Task<AssignSetResponse> UnassignSet(AssignSetRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var (set, channelIds, groupIds) = await ResolveAssignmentAsync(request, cancellationToken);
        var removedChannels = await db.EnrollmentSetAssignments.AsNoTracking()
            .Where(a => a.SetId == set.Id && EF.Parameter(channelIds).Contains(a.EnrollmentId)).Select(a => a.EnrollmentId).ToListAsync(cancellationToken);
        var removedGroups = await db.GroupSetAssignments.AsNoTracking()
            .Where(a => a.SetId == set.Id && EF.Parameter(groupIds).Contains(a.GroupId)).Select(a => a.GroupId).ToListAsync(cancellationToken);
        var reached = request.DeferSync ? [] : await ReachOfAssignmentAsync(removedChannels, removedGroups, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.EnrollmentSetAssignments.Where(a => a.SetId == set.Id && EF.Parameter(removedChannels).Contains(a.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
            await db.GroupSetAssignments.Where(a => a.SetId == set.Id && EF.Parameter(removedGroups).Contains(a.GroupId)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new AssignSetResponse { Sync = await propagation.NotifyAsync(request.DeferSync, reached, cancellationToken) };
    }

    public override async Task<ListAssignmentsResponse> ListAssignments(ListAssignmentsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var set = await FindSetAsync(request.SetId, cancellationToken);
        var size = PageToken.Size(request.PageSize);
        var after = NamePage.After(request.PageToken);
        var response = new ListAssignmentsResponse();
        if (after is null)
        {
            var groups = await (
                    from assignment in db.GroupSetAssignments.AsNoTracking()
                    where assignment.SetId == set.Id
                    join g in db.DeviceGroups.AsNoTracking() on assignment.GroupId equals g.Id
                    orderby g.Name
                    select new { g.Id, g.Name, assignment.AssignedAt })
                .ToListAsync(cancellationToken);
            response.Groups.AddRange(groups.Select(g => new GroupAssignment { GroupId = g.Id.ToString(), GroupName = g.Name, AssignTime = ApiTimestamps.From(g.AssignedAt) }));
        }

        var channels = from assignment in db.EnrollmentSetAssignments.AsNoTracking()
                       where assignment.SetId == set.Id
                       join e in db.Enrollments.AsNoTracking() on assignment.EnrollmentId equals e.Id
                       select new { e.Id, e.ParentId, e.ChannelId, assignment.AssignedAt };
        if (after is not null)
        {
            channels = channels.Where(c => string.Compare(c.ChannelId, after) > 0);
        }

        var (page, next) = NamePage.Split(await channels.OrderBy(c => c.ChannelId).Take(size + 1).ToListAsync(cancellationToken), size, c => c.ChannelId);
        response.NextPageToken = next;
        response.Channels.AddRange(page.Select(c => new ChannelAssignment
        {
            DeviceId = (c.ParentId ?? c.Id).ToString(),
            UserEnrollmentId = c.ParentId is null ? "" : c.ChannelId,
            AssignTime = ApiTimestamps.From(c.AssignedAt),
        }));
        return response;
    }

    /// <summary>The set and the distinct channels and groups the request names; every one must be the tenant's.</summary>
    private async Task<(DeclarationSetEntity Set, List<Guid> Channels, List<Guid> Groups)> ResolveAssignmentAsync(AssignSetRequest request, CancellationToken cancellationToken)
    {
        var channelCount = request.DeviceIds.Count + request.UserChannels.Count;
        if (channelCount == 0 && request.GroupIds.Count == 0)
        {
            throw new InvalidArgumentException("Name at least one target: device_ids, user_channels or group_ids.");
        }

        if (channelCount > CommandTargets.MaxTargets || request.GroupIds.Count > MaxAssignedGroups)
        {
            throw new InvalidArgumentException($"device_ids and user_channels name at most {CommandTargets.MaxTargets:N0} channels together, group_ids at most {MaxAssignedGroups:N0} groups.");
        }

        var set = await FindSetAsync(request.SetId, cancellationToken);
        var devices = request.DeviceIds.Count == 0 ? [] : await targets.ResolveAsync(request.DeviceIds, enrolledOnly: false, cancellationToken);
        var users = await channels.UserChannelsAsync(request.UserChannels, cancellationToken);
        var groupIds = request.GroupIds.Select(id => DeclarationInput.Id(id, "group_ids")).Distinct().ToList();
        var known = await db.DeviceGroups.AsNoTracking().Where(g => EF.Parameter(groupIds).Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        var unknown = groupIds.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new NotFoundException($"No device group with id '{unknown[0]}'{(unknown.Count > 1 ? $" (and {unknown.Count - 1} more)" : "")}; nothing was done.");
        }

        return (set, devices.Concat(users).Distinct().ToList(), groupIds);
    }

    private async Task<SyncResult> NotifyAssignmentAsync(List<Guid> channelIds, List<Guid> groupIds, bool deferred, CancellationToken cancellationToken) =>
        await propagation.NotifyAsync(deferred, deferred ? [] : await ReachOfAssignmentAsync(channelIds, groupIds, cancellationToken), cancellationToken);

    private async Task<IReadOnlyCollection<Guid>> ReachOfAssignmentAsync(List<Guid> channelIds, List<Guid> groupIds, CancellationToken cancellationToken)
    {
        var reached = new HashSet<Guid>(channelIds);
        reached.UnionWith(await propagation.Reach.EnrollmentsOfGroupsAsync(groupIds, cancellationToken));
        return reached;
    }
}
