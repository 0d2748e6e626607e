using System.ComponentModel.DataAnnotations;

namespace SaaSMdm.Core.Webhooks;

/// <summary>How webhooks are delivered (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Seconds an endpoint has to answer one POST; no answer by then is a failed attempt.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds before the first retry; each further retry waits twice as long (with ±20 % jitter), at most an hour.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>Attempts per delivery; after the last failed one the delivery is failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Deliveries in a row that fail every attempt before the webhook is disabled. With the default backoff a
    /// delivery fails about an hour after its first attempt, so this takes an endpoint that has been failing for over
    /// an hour and through 20 events; a single delivered event resets the count.
    /// </summary>
    [Range(1, 1000)]
    public int DisableAfterFailures { get; set; } = 20;

    /// <summary>How often the dispatcher looks for new events and due retries when this replica has not signalled any.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Deliveries one replica claims per round and sends at once (shared evenly among the webhooks that have due
    /// ones); the round's attempts all run at once, so each claim's lease covers one attempt.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>Events turned into deliveries per webhook per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Allow http:// webhook URLs (development and tests only: events and signatures travel in clear text).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Allow webhook hosts on loopback, private and link-local addresses (development and tests only: otherwise a
    /// tenant could make Core call into its own network).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Seconds a claimed delivery stays claimed: longer than an attempt can take, so only a crashed replica's claim expires.</summary>
    public int LeaseSeconds => TimeoutSeconds + 30;
}
