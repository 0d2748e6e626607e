using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Maintenance;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Maintenance;

public sealed class RetentionSweepOnSqlite(CoreFixture<OnSqlite> fixture) : RetentionSweepTests<OnSqlite>(fixture);

public sealed class RetentionSweepOnPostgres(CoreFixture<OnPostgres> fixture) : RetentionSweepTests<OnPostgres>(fixture);

/// <summary>Finished work leaves after the retention period (90 days by default, audit entries 365); pending work never does.</summary>
public abstract class RetentionSweepTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>
    where TProvider : IProviderChoice
{
    [Fact]
    public async Task Old_results_and_unreferenced_commands_go_while_queued_and_recent_work_stays()
    {
        var tenantId = Guid.NewGuid();
        var device = Guid.NewGuid();
        var old = StoredTime.UtcNow(TimeProvider.System).AddDays(-100);
        var recent = StoredTime.UtcNow(TimeProvider.System).AddDays(-1);
        await SeedAsync(db =>
        {
            db.Commands.AddRange(Command("old-answered", tenantId, old), Command("old-queued", tenantId, old), Command("recent-answered", tenantId, recent));
            db.CommandResults.AddRange(Result("old-answered", tenantId, device, old), Result("recent-answered", tenantId, device, recent));
            db.CommandQueue.Add(new QueuedCommandEntity { EnrollmentId = device, CommandId = "old-queued", TenantId = tenantId, Sequence = old.Ticks, QueuedAt = old });
            db.ScepChallenges.AddRange(
                Challenge(tenantId, "long-expired", expiresAt: recent.AddDays(-2)),
                Challenge(tenantId, "just-expired", expiresAt: StoredTime.UtcNow(TimeProvider.System).AddHours(-1)));
        });

        var swept = await fixture.Host.Services.GetRequiredService<RetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(CommandResults: 1, Commands: 1, ScepChallenges: 1), swept);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        Assert.Equal(["old-queued", "recent-answered"], await db.Commands.IgnoreQueryFilters().Where(c => c.TenantId == tenantId).Select(c => c.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal(["recent-answered"], await db.CommandResults.IgnoreQueryFilters().Where(r => r.TenantId == tenantId).Select(r => r.CommandId).ToListAsync());
        Assert.Equal(1, await db.CommandQueue.IgnoreQueryFilters().CountAsync(q => q.TenantId == tenantId));
        Assert.Equal(["just-expired"], await db.ScepChallenges.IgnoreQueryFilters().Where(c => c.TenantId == tenantId).Select(c => c.ChallengeHash).ToListAsync());
    }

    [Fact]
    public async Task Audit_entries_go_after_Retention_AuditDays()
    {
        var tenantId = Guid.NewGuid();
        var now = StoredTime.UtcNow(TimeProvider.System);
        await SeedAsync(db => db.AuditEntries.AddRange(AuditEntry(tenantId, now.AddDays(-366)), AuditEntry(tenantId, now.AddDays(-364))));

        var swept = await fixture.Host.Services.GetRequiredService<RetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(CommandResults: 0, Commands: 0, ScepChallenges: 0, AuditEntries: 1), swept);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().AuditEntries.IgnoreQueryFilters().Where(e => e.TenantId == tenantId).SingleAsync();
        Assert.Equal(now.AddDays(-364), kept.OccurredAt);
    }

    private async Task SeedAsync(Action<CoreDbContext> seed)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        seed(db);
        await db.SaveChangesAsync();
    }

    private static CommandEntity Command(string id, Guid tenantId, DateTime createdAt) =>
        new() { Id = id, TenantId = tenantId, RequestType = "DeviceInformation", Plist = [1], CreatedAt = createdAt };

    private static CommandResultEntity Result(string commandId, Guid tenantId, Guid enrollmentId, DateTime receivedAt) =>
        new() { Id = Guid.CreateVersion7(), TenantId = tenantId, EnrollmentId = enrollmentId, CommandId = commandId, Status = CommandResultStatus.Acknowledged, ReceivedAt = receivedAt };

    private static AuditEntryEntity AuditEntry(Guid tenantId, DateTime occurredAt) => new()
    {
        Id = Guid.CreateVersion7(occurredAt), TenantId = tenantId, OccurredAt = occurredAt, ActorKind = SaaSMdm.Core.Identity.CallerKind.Client, ActorId = Guid.NewGuid(),
        ActorName = "ci-client", Method = "/saasmdm.v1.Commands/EnqueueCommand", Target = "", Outcome = "OK", Detail = "", Peer = "127.0.0.1",
    };

    private static ScepChallengeEntity Challenge(Guid tenantId, string hash, DateTime expiresAt) =>
        new() { Id = Guid.NewGuid(), TenantId = tenantId, ChallengeHash = hash, CreatedAt = expiresAt.AddHours(-1), ExpiresAt = expiresAt };
}
