using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Declarations;

/// <summary>
/// The enrollment channels a change can affect: those a set reaches directly or through a device group, and so
/// those a declaration reaches through its sets. Used to notify exactly the affected devices.
/// </summary>
public sealed class DeclarationReach(CoreDbContext db)
{
    public async Task<IReadOnlyList<Guid>> EnrollmentsOfSetsAsync(IReadOnlyCollection<Guid> setIds, CancellationToken cancellationToken)
    {
        if (setIds.Count == 0)
        {
            return [];
        }

        var direct = await db.EnrollmentSetAssignments.AsNoTracking()
            .Where(a => EF.Parameter(setIds).Contains(a.SetId))
            .Select(a => a.EnrollmentId)
            .ToListAsync(cancellationToken);
        var viaGroups = await (
                from assignment in db.GroupSetAssignments.AsNoTracking()
                where EF.Parameter(setIds).Contains(assignment.SetId)
                join member in db.DeviceGroupMembers.AsNoTracking() on assignment.GroupId equals member.GroupId
                select member.EnrollmentId)
            .ToListAsync(cancellationToken);
        return direct.Concat(viaGroups).Distinct().ToList();
    }

    public async Task<IReadOnlyList<Guid>> EnrollmentsOfDeclarationsAsync(IReadOnlyCollection<Guid> declarationIds, CancellationToken cancellationToken)
    {
        var setIds = await db.DeclarationSetMembers.AsNoTracking()
            .Where(m => EF.Parameter(declarationIds).Contains(m.DeclarationId))
            .Select(m => m.SetId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return await EnrollmentsOfSetsAsync(setIds, cancellationToken);
    }

    /// <summary>The members of the groups, in one query however many groups there are.</summary>
    public Task<List<Guid>> EnrollmentsOfGroupsAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken) =>
        db.DeviceGroupMembers.AsNoTracking()
            .Where(m => EF.Parameter(groupIds).Contains(m.GroupId))
            .Select(m => m.EnrollmentId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
