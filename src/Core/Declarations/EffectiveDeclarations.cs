using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Declarations;

/// <summary>
/// Resolves what enrollment channels of the current tenant get: the union of the sets assigned to the channel
/// (and, for a device channel, to its device groups), plus the built-ins, minus types the device said it cannot
/// take. A fixed number of queries per chunk of enrollments, however many there are.
/// </summary>
public sealed class EffectiveDeclarations(CoreDbContext db, TenantContext tenant)
{
    private const int EnrollmentsPerChunk = 2000;

    public async Task<EnrollmentDeclarations?> ForEnrollmentAsync(Guid enrollmentId, CancellationToken cancellationToken) =>
        (await ForEnrollmentsAsync([enrollmentId], cancellationToken)).GetValueOrDefault(enrollmentId);

    /// <returns>One entry per enrollment of the tenant among <paramref name="enrollmentIds"/>; unknown ids are left out.</returns>
    public async Task<IReadOnlyDictionary<Guid, EnrollmentDeclarations>> ForEnrollmentsAsync(
        IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        var subscribe = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenant.TenantId)
            .Select(t => t.DefaultStatusSubscription)
            .FirstOrDefaultAsync(cancellationToken);
        var parsed = new Dictionary<Guid, Declaration>();
        var result = new Dictionary<Guid, EnrollmentDeclarations>(enrollmentIds.Count);
        foreach (var chunk in enrollmentIds.Distinct().Chunk(EnrollmentsPerChunk))
        {
            await ResolveChunkAsync(chunk, subscribe, parsed, result, cancellationToken);
        }

        return result;
    }

    private async Task ResolveChunkAsync(
        Guid[] chunk, bool subscribe, Dictionary<Guid, Declaration> parsed, Dictionary<Guid, EnrollmentDeclarations> result, CancellationToken cancellationToken)
    {
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => EF.Parameter(chunk).Contains(e.Id))
            .Select(e => new { e.Id, e.ChannelId, e.ParentId })
            .ToListAsync(cancellationToken);
        if (enrollments.Count == 0)
        {
            return;
        }

        var direct = await db.EnrollmentSetAssignments.AsNoTracking()
            .Where(a => EF.Parameter(chunk).Contains(a.EnrollmentId))
            .Select(a => new { a.EnrollmentId, a.SetId })
            .ToListAsync(cancellationToken);
        var viaGroups = await (
                from member in db.DeviceGroupMembers.AsNoTracking()
                where EF.Parameter(chunk).Contains(member.EnrollmentId)
                join assignment in db.GroupSetAssignments.AsNoTracking() on member.GroupId equals assignment.GroupId
                select new { member.EnrollmentId, assignment.SetId })
            .ToListAsync(cancellationToken);
        var setsOf = direct.Concat(viaGroups).ToLookup(a => a.EnrollmentId, a => a.SetId);

        var setIds = direct.Concat(viaGroups).Select(a => a.SetId).Distinct().ToList();
        var members = await db.DeclarationSetMembers.AsNoTracking()
            .Where(m => EF.Parameter(setIds).Contains(m.SetId))
            .Select(m => new { m.SetId, m.DeclarationId })
            .ToListAsync(cancellationToken);
        await ParseMissingAsync(members.Select(m => m.DeclarationId).Distinct().Where(id => !parsed.ContainsKey(id)).ToList(), parsed, cancellationToken);
        var declarationsOf = members.ToLookup(m => m.SetId, m => parsed[m.DeclarationId]);

        var properties = (await db.ManagementProperties.AsNoTracking()
                .Where(p => EF.Parameter(chunk).Contains(p.EnrollmentId))
                .Select(p => new { p.EnrollmentId, p.Key, p.ValueJson })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EnrollmentId, p => KeyValuePair.Create(p.Key, JsonDocument.Parse(p.ValueJson).RootElement.Clone()));
        var capabilities = await db.DeclarativeStates.AsNoTracking()
            .Where(s => EF.Parameter(chunk).Contains(s.EnrollmentId) && s.ClientCapabilitiesJson != null)
            .Select(s => new { s.EnrollmentId, s.ClientCapabilitiesJson })
            .ToDictionaryAsync(s => s.EnrollmentId, s => ClientCapabilities.Parse(s.ClientCapabilitiesJson), cancellationToken);

        foreach (var enrollment in enrollments)
        {
            var reached = setsOf[enrollment.Id].SelectMany(set => declarationsOf[set]).Distinct().ToList();
            reached.Add(BuiltInDeclarations.Properties(enrollment.ChannelId, properties[enrollment.Id]));
            if (subscribe && enrollment.ParentId is null)
            {
                reached.AddRange(BuiltInDeclarations.StatusSubscription);
            }

            var canTake = capabilities.GetValueOrDefault(enrollment.Id, ClientCapabilities.Unknown);
            var sent = new List<Declaration>(reached.Count);
            var excluded = new List<ExcludedDeclaration>();
            foreach (var declaration in reached)
            {
                if (canTake.Supports(declaration.Type))
                {
                    sent.Add(declaration);
                }
                else
                {
                    excluded.Add(new ExcludedDeclaration(
                        declaration.Identifier, declaration.Type, $"The device does not list {declaration.Type} in its management.client-capabilities."));
                }
            }

            result[enrollment.Id] = new EnrollmentDeclarations(enrollment.Id, sent, excluded);
        }
    }

    private async Task ParseMissingAsync(List<Guid> declarationIds, Dictionary<Guid, Declaration> parsed, CancellationToken cancellationToken)
    {
        if (declarationIds.Count == 0)
        {
            return;
        }

        var rows = await db.Declarations.AsNoTracking()
            .Where(d => EF.Parameter(declarationIds).Contains(d.Id))
            .Select(d => new { d.Id, d.Type, d.Identifier, d.ServerToken, d.PayloadJson })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            using var payload = JsonDocument.Parse(row.PayloadJson);
            parsed[row.Id] = new Declaration(row.Type, row.Identifier, row.ServerToken, payload.RootElement);
        }
    }
}
