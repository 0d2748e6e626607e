using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Declarations.Status;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

/// <summary>
/// One declaration across the fleet: the enrolled channels it is effective for (its sets' reach, or every
/// enrolled channel for a built-in), each judged from its status row against the token it should have.
/// </summary>
public sealed class DeclarationFleetView(CoreDbContext db, DeclarationReach reach, EffectiveDeclarations effective)
{
    private static readonly string[] BuiltIns =
    [
        BuiltInDeclarations.PropertiesIdentifier,
        BuiltInDeclarations.StatusSubscriptionIdentifier,
        BuiltInDeclarations.StatusSubscriptionActivationIdentifier,
    ];

    public async Task<DeclarationFleetStatus> ReadAsync(string identifier, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier) || System.Text.Encoding.UTF8.GetByteCount(identifier) > Apple.Ddm.DeclarationValidator.MaxTokenOctets)
        {
            throw new InvalidArgumentException($"identifier must be a declaration identifier of 1 to {Apple.Ddm.DeclarationValidator.MaxTokenOctets} octets.");
        }

        var size = PageToken.Size(pageSize, defaultSize: 100, maxSize: 500);
        var after = PageToken.ReadId(pageToken);

        var candidates = await CandidatesAsync(identifier, cancellationToken);
        var enrolled = await EnrolledAsync(candidates, cancellationToken);
        var resolved = await effective.ForEnrollmentsAsync(enrolled.Keys.ToList(), cancellationToken);
        var tokens = resolved.Values
            .Select(r => (r.EnrollmentId, Declaration: r.Declarations.FirstOrDefault(d => d.Identifier == identifier)))
            .Where(r => r.Declaration is not null)
            .ToDictionary(r => r.EnrollmentId, r => r.Declaration!.ServerToken);
        var rows = await RowsAsync(identifier, tokens.Keys.ToList(), cancellationToken);

        var fleet = new DeclarationFleetStatus
        {
            Identifier = identifier,
            Total = tokens.Count,
            CurrentServerToken = tokens.Values.Distinct().Count() == 1 ? tokens.Values.First() : string.Empty,
        };
        var failing = new List<(Guid Key, FailingEnrollment Entry)>();
        foreach (var (enrollmentId, token) in tokens.OrderBy(t => t.Key))
        {
            var row = rows.GetValueOrDefault(enrollmentId);
            switch (DeclarationOutcomes.Judge(row, token))
            {
                case DeclarationOutcome.Active:
                    fleet.Active++;
                    break;
                case DeclarationOutcome.Inactive:
                    fleet.Inactive++;
                    break;
                case DeclarationOutcome.Failed:
                    fleet.Failed++;
                    if (after is null || enrollmentId.CompareTo(after.Value) > 0)
                    {
                        var channel = enrolled[enrollmentId];
                        failing.Add((enrollmentId, new FailingEnrollment
                        {
                            DeviceId = channel.DeviceId.ToString(),
                            EnrollmentId = channel.EnrollmentId,
                            Valid = row!.Valid,
                            ReasonsJson = row.ReasonsJson ?? string.Empty,
                            ReportedTime = ApiTimestamps.From(row.ReportedAt),
                        }));
                    }

                    break;
                default:
                    fleet.Pending++;
                    break;
            }
        }

        fleet.Failing.AddRange(failing.Take(size).Select(f => f.Entry));
        if (failing.Count > size)
        {
            fleet.NextPageToken = PageToken.Create(failing[size - 1].Key.ToString());
        }

        return fleet;
    }

    /// <exception cref="NotFoundException">neither a declaration of the tenant nor a built-in.</exception>
    private async Task<IReadOnlyList<Guid>?> CandidatesAsync(string identifier, CancellationToken cancellationToken)
    {
        if (BuiltIns.Contains(identifier, StringComparer.Ordinal))
        {
            return null;
        }

        var declarationId = await db.Declarations.AsNoTracking()
            .Where(d => d.Identifier == identifier)
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No declaration '{CallerText.Shorten(identifier)}'.");
        return await reach.EnrollmentsOfDeclarationsAsync([declarationId], cancellationToken);
    }

    /// <summary>
    /// The enrolled channels among <paramref name="candidates"/> (all of the tenant's when null), with their device and
    /// the enrollment id the API shows (the device id, or a user channel's channel id, as the Devices API does).
    /// </summary>
    private async Task<Dictionary<Guid, (Guid DeviceId, string EnrollmentId)>> EnrolledAsync(IReadOnlyList<Guid>? candidates, CancellationToken cancellationToken)
    {
        var enrolled = db.Enrollments.AsNoTracking().Where(e => e.State == Data.Entities.EnrollmentState.Enrolled);
        var channels = new List<(Guid Id, Guid? ParentId, string ChannelId)>();
        foreach (var chunk in (candidates ?? [Guid.Empty]).Chunk(2000))
        {
            var query = candidates is null ? enrolled : enrolled.Where(e => EF.Parameter(chunk).Contains(e.Id));
            channels.AddRange((await query.Select(e => new { e.Id, e.ParentId, e.ChannelId }).ToListAsync(cancellationToken))
                .Select(e => (e.Id, e.ParentId, e.ChannelId)));
        }

        return channels.ToDictionary(c => c.Id, c => (c.ParentId ?? c.Id, c.ParentId is null ? c.Id.ToString() : c.ChannelId));
    }

    private async Task<Dictionary<Guid, DeclarationStatusEntity>> RowsAsync(string identifier, List<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<Guid, DeclarationStatusEntity>();
        foreach (var chunk in enrollmentIds.Chunk(2000))
        {
            foreach (var row in await db.DeclarationStatuses.AsNoTracking()
                         .Where(s => s.Identifier == identifier && EF.Parameter(chunk).Contains(s.EnrollmentId))
                         .ToListAsync(cancellationToken))
            {
                rows[row.EnrollmentId] = row;
            }
        }

        return rows;
    }
}
