using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Core.Api.Audit;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Core.Tests.Api.Audit;

/// <summary>An audit entry that cannot be written is logged as an error, never thrown into the call it records.</summary>
public sealed class AuditLogWriterTests
{
    [Fact]
    public async Task A_failed_write_is_logged_and_does_not_throw()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            // An empty in-memory database: it has no tables, so every statement fails.
            .AddCoreDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" })
            .AddAuditLog();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AuditLogWriter>().WriteAsync(new AuditEntryEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = Guid.NewGuid(),
            OccurredAt = DateTime.UtcNow,
            ActorKind = CallerKind.Client,
            ActorId = Guid.NewGuid(),
            ActorName = "ci-client",
            Method = "/saasmdm.v1.Commands/EnqueueCommand",
            Target = "",
            Outcome = "OK",
            Detail = "",
            Peer = "127.0.0.1",
        });

        Assert.Contains(logs.Lines, line => line.StartsWith($"Error {typeof(AuditLogWriter).FullName}: Could not write the audit entry of /saasmdm.v1.Commands/EnqueueCommand", StringComparison.Ordinal));
    }
}
