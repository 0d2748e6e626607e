using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Declarations.Status;
using Declaration = SaaSMdm.Apple.Ddm.Declaration;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>
/// One channel's declarative status for the API: the merged tree, errors, capabilities, and every declaration
/// that is effective or was reported, judged against the token the channel should have now.
/// </summary>
public sealed class DeviceStatusView(CoreDbContext db, EffectiveDeclarations effective)
{
    public async Task<DeviceDeclarativeStatus> ReadAsync(EnrollmentEntity channel, CancellationToken cancellationToken)
    {
        var declarations = await effective.ForChannelAsync(channel, cancellationToken);
        var state = await db.DeclarativeStates.AsNoTracking().FirstOrDefaultAsync(s => s.EnrollmentId == channel.Id, cancellationToken);
        var rows = await db.DeclarationStatuses.AsNoTracking()
            .Where(s => s.EnrollmentId == channel.Id)
            .ToDictionaryAsync(s => s.Identifier, StringComparer.Ordinal, cancellationToken);
        var tree = StatusTree.Parse(state?.StatusJson);

        var status = new DeviceDeclarativeStatus
        {
            DeviceId = (channel.ParentId ?? channel.Id).ToString(),
            EnrollmentId = channel.ParentId is null ? channel.Id.ToString() : channel.ChannelId,
            StatusJson = tree.ToJsonString(),
            ErrorsJson = state?.ErrorsJson ?? "[]",
            StatusUpdatedTime = ApiTimestamps.From(state?.StatusUpdatedAt),
            LastFullReportTime = ApiTimestamps.From(state?.LastFullReportAt),
            ClientCapabilitiesJson = state?.ClientCapabilitiesJson ?? string.Empty,
            DeclarationsToken = declarations.DeclarationsToken,
            SoftwareUpdate = SoftwareUpdateSummary.From(tree, declarations.Declarations, rows),
        };
        status.Declarations.AddRange(Declarations(declarations.Declarations, rows));
        status.WithheldDeclarations.AddRange(declarations.Excluded.Select(excluded => new WithheldDeclaration
        {
            Identifier = excluded.Identifier,
            Type = excluded.Type,
            Reason = excluded.Reason,
        }));
        return status;
    }

    private static IEnumerable<DeclarationStatus> Declarations(IReadOnlyList<Declaration> effective, Dictionary<string, DeclarationStatusEntity> rows)
    {
        var current = effective.ToDictionary(d => d.Identifier, StringComparer.Ordinal);
        return current.Keys.Union(rows.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(identifier =>
        {
            var declaration = current.GetValueOrDefault(identifier);
            var row = rows.GetValueOrDefault(identifier);
            return new DeclarationStatus
            {
                Identifier = identifier,
                Category = declaration?.Category.PathName() ?? row!.Category,
                State = DeclarationStates.From(DeclarationOutcomes.Judge(row, declaration?.ServerToken)),
                Active = row?.Active ?? false,
                Valid = row?.Valid ?? string.Empty,
                ReasonsJson = row?.ReasonsJson ?? string.Empty,
                ReportedServerToken = row?.ServerToken ?? string.Empty,
                CurrentServerToken = declaration?.ServerToken ?? string.Empty,
                Current = row is not null && row.ServerToken == declaration?.ServerToken,
                ReportedTime = ApiTimestamps.From(row?.ReportedAt),
            };
        });
    }
}
