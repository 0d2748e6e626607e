using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Enrollments.LastSeen;

/// <summary>
/// Writes the last-seen times the <see cref="LastSeenRecorder"/> collected, every few seconds and once more on
/// shutdown, across tenants. A batch that fails goes back to the recorder for the next round.
/// </summary>
public sealed partial class LastSeenFlusher(
    LastSeenRecorder recorder,
    IServiceScopeFactory scopes,
    IOptions<LastSeenOptions> options,
    TimeProvider clock,
    ILogger<LastSeenFlusher> logger) : BackgroundService
{
    /// <summary>Enrollments updated per transaction.</summary>
    private const int ChunkSize = 500;

    /// <summary>Writes everything recorded so far; returns how many enrollments had a time to write.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var batch = recorder.Drain();
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await WriteAsync(batch, cancellationToken);
            return batch.Count;
        }
        catch
        {
            recorder.Restore(batch);
            throw;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushLoggingFailuresAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.LastSeenFlushSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushLoggingFailuresAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the last batch.
        }
    }

    private async Task FlushLoggingFailuresAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFlushFailed(logger, e, recorder.PendingCount);
        }
    }

    /// <summary>
    /// One conditional UPDATE per enrollment (never moving a time backwards), a short transaction per chunk: no row is
    /// loaded, and the write lock is never held for a whole batch, which on SQLite would stall every device request
    /// behind it. A failed batch is written again whole; the condition makes that harmless. The enrollments are
    /// system-wide here, so tenant filters are off on purpose.
    /// </summary>
    private async Task WriteAsync(IReadOnlyDictionary<Guid, DateTime> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        foreach (var chunk in batch.Chunk(ChunkSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (enrollmentId, seen) in chunk)
            {
                await db.Enrollments.IgnoreQueryFilters()
                    .Where(e => e.Id == enrollmentId && (e.LastSeenAt == null || e.LastSeenAt < seen))
                    .ExecuteUpdateAsync(update => update.SetProperty(e => e.LastSeenAt, seen), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write last-seen times; {Pending} enrollments wait for the next round")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int pending);
}
