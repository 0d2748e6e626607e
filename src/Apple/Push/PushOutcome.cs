namespace SaaSMdm.Apple.Push;

/// <summary>What became of one push, after any retries.</summary>
public abstract record PushOutcome
{
    private protected PushOutcome()
    {
    }

    /// <summary>Requests made for this push, retries included (0 when refused before sending).</summary>
    public required int Attempts { get; init; }
}

/// <summary>APNs accepted the push (HTTP 200).</summary>
/// <param name="ApnsId">The <c>apns-id</c> APNs answered with, when it was a UUID.</param>
public sealed record Delivered(Guid? ApnsId) : PushOutcome;

/// <summary>
/// The token will never work again for this topic (400 BadDeviceToken or DeviceTokenNotForTopic, 410):
/// stop pushing it until the device sends a new TokenUpdate.
/// </summary>
/// <param name="Reason">APNs' reason, e.g. <c>BadDeviceToken</c> or <c>Unregistered</c>.</param>
/// <param name="InvalidSince">For 410: when APNs learned the token stopped being valid. A TokenUpdate newer
/// than this supersedes the answer.</param>
public sealed record InvalidToken(string Reason, DateTimeOffset? InvalidSince) : PushOutcome;

/// <summary>APNs refused the push itself (other 4xx); sending it again unchanged fails the same way.</summary>
public sealed record Rejected(int Status, string? Reason) : PushOutcome;

/// <summary>
/// APNs refused the push certificate or its topic (403): every push with this certificate fails until it is
/// renewed or replaced.
/// </summary>
public sealed record CertificateRejected(string? Reason) : PushOutcome;

/// <summary>
/// Every attempt failed in a way that may pass later (429, 5xx, transport error), or the connection could not be
/// made at all (e.g. untrusted server certificate).
/// </summary>
/// <param name="LastStatus">HTTP status of the last answer; <see langword="null"/> when it was a transport error.</param>
/// <param name="LastReason">APNs' reason of the last answer, or the transport error's message.</param>
public sealed record Failed(int? LastStatus, string? LastReason) : PushOutcome;
