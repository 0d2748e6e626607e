using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Events;

namespace SaaSMdm.Core.Webhooks;

/// <summary>
/// Delivers webhooks on every replica: turns new events into deliveries, then sends the deliveries that are due,
/// several at once. Runs when this replica commits events and at least every Webhooks:PollMilliseconds.
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookFanOut fanOut,
    WebhookDeliveries deliveries,
    WebhookPoster poster,
    EventSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>One round: new events into deliveries, then the due deliveries claimed for this round sent, all at once.</summary>
    /// <returns>Whether any was sent, so more may be due right away (a round claims only a few per webhook).</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await fanOut.RunAsync(cancellationToken);
        var claimed = await deliveries.ClaimDueAsync(cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentDeliveries, CancellationToken = cancellationToken },
            async (delivery, token) =>
            {
                var attemptedAt = StoredTime.UtcNow(clock);
                var outcome = await poster.PostAsync(delivery, token);
                await deliveries.RecordAsync(delivery, outcome, attemptedAt, token);
                if (!outcome.Delivered)
                {
                    LogAttemptFailed(logger, delivery.Id, delivery.WebhookId, delivery.Attempts + 1, outcome.HttpStatus, outcome.Error!);
                }
            });
        return claimed.Count > 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var committed = signal.Next(Guid.Empty);
            var more = false;
            try
            {
                more = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            if (!more)
            {
                await EventSignal.WaitAsync(committed, poll, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} of webhook {WebhookId}, attempt {Attempt}, failed (HTTP {HttpStatus}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Guid webhookId, int attempt, int? httpStatus, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatch round failed; the next one retries")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
