using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Declarations;

/// <summary>
/// Resolves what enrollment channels of the current tenant get: the union of the sets assigned to the channel
/// (and, for a device channel, to its device groups), plus the built-ins, minus types the device said it cannot
/// take. A fixed number of queries per chunk of enrollments, however many there are.
/// </summary>
public sealed class EffectiveDeclarations(CoreDbContext db, TenantContext tenant)
{
    private const int EnrollmentsPerChunk = 2000;

    /// <summary>
    /// One channel the caller has already loaded: the device's own requests (<c>tokens</c>, <c>declaration-items</c>,
    /// <c>declaration/…</c>) take this path, three queries instead of the bulk path's nine.
    /// </summary>
    public async Task<EnrollmentDeclarations> ForChannelAsync(EnrollmentEntity channel, CancellationToken cancellationToken)
    {
        var id = channel.Id;
        var isDevice = channel.ParentId is null;
        var rows = await db.Declarations.AsNoTracking()
            .Where(d => db.DeclarationSetMembers.Any(m => m.DeclarationId == d.Id
                && (db.EnrollmentSetAssignments.Any(a => a.SetId == m.SetId && a.EnrollmentId == id)
                    || (isDevice && db.GroupSetAssignments.Any(g => g.SetId == m.SetId
                        && db.DeviceGroupMembers.Any(member => member.GroupId == g.GroupId && member.EnrollmentId == id))))))
            .Select(d => new { d.Type, d.Identifier, d.ServerToken, d.PayloadJson })
            .ToListAsync(cancellationToken);
        var properties = await db.ManagementProperties.AsNoTracking()
            .Where(p => p.EnrollmentId == id)
            .Select(p => new { p.Key, p.ValueJson })
            .ToListAsync(cancellationToken);
        var settings = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenant.TenantId)
            .Select(t => new
            {
                t.DefaultStatusSubscription,
                Capabilities = db.DeclarativeStates.Where(s => s.EnrollmentId == id).Select(s => s.ClientCapabilitiesJson).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        return Assemble(
            id,
            channel.ChannelId,
            isDevice,
            rows.Select(row => Parse(row.Type, row.Identifier, row.ServerToken, row.PayloadJson)),
            properties.Select(p => Property(p.Key, p.ValueJson)),
            ClientCapabilities.Parse(settings?.Capabilities),
            settings?.DefaultStatusSubscription ?? false);
    }

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
            .ToLookup(p => p.EnrollmentId, p => Property(p.Key, p.ValueJson));
        var capabilities = await db.DeclarativeStates.AsNoTracking()
            .Where(s => EF.Parameter(chunk).Contains(s.EnrollmentId) && s.ClientCapabilitiesJson != null)
            .Select(s => new { s.EnrollmentId, s.ClientCapabilitiesJson })
            .ToDictionaryAsync(s => s.EnrollmentId, s => ClientCapabilities.Parse(s.ClientCapabilitiesJson), cancellationToken);

        foreach (var enrollment in enrollments)
        {
            result[enrollment.Id] = Assemble(
                enrollment.Id,
                enrollment.ChannelId,
                enrollment.ParentId is null,
                setsOf[enrollment.Id].SelectMany(set => declarationsOf[set]),
                properties[enrollment.Id],
                capabilities.GetValueOrDefault(enrollment.Id, ClientCapabilities.Unknown),
                subscribe);
        }
    }

    /// <summary>The channel's sets' declarations plus the built-ins, split by what the device can take.</summary>
    private static EnrollmentDeclarations Assemble(
        Guid enrollmentId,
        string channelId,
        bool isDevice,
        IEnumerable<Declaration> fromSets,
        IEnumerable<KeyValuePair<string, JsonElement>> properties,
        ClientCapabilities canTake,
        bool subscribe)
    {
        var reached = fromSets.Distinct().ToList();
        reached.Add(BuiltInDeclarations.Properties(channelId, properties));
        if (subscribe && isDevice)
        {
            reached.AddRange(BuiltInDeclarations.StatusSubscription);
        }

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

        return new EnrollmentDeclarations(enrollmentId, sent, excluded);
    }

    private static Declaration Parse(string type, string identifier, string serverToken, string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return new Declaration(type, identifier, serverToken, payload.RootElement);
    }

    private static KeyValuePair<string, JsonElement> Property(string key, string valueJson)
    {
        using var value = JsonDocument.Parse(valueJson);
        return KeyValuePair.Create(key, value.RootElement.Clone());
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
            parsed[row.Id] = Parse(row.Type, row.Identifier, row.ServerToken, row.PayloadJson);
        }
    }
}
