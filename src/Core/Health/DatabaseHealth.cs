using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Health;

/// <summary>Whether Core can serve: it can when its database answers.</summary>
public sealed partial class DatabaseHealth(IServiceScopeFactory scopes, ILogger<DatabaseHealth> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<bool> IsServingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            return await db.Database.CanConnectAsync(timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogProbeFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database health probe failed")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception);
}
