namespace SaaSMdm.AppleFakes.Apns;

/// <summary>An answer the fake APNs gives to a valid push.</summary>
/// <param name="Status">HTTP status; 200 delivers.</param>
/// <param name="Reason">Sent as <c>{"reason":…}</c> with any status but 200.</param>
/// <param name="Timestamp">Sent as <c>"timestamp"</c> (Unix milliseconds), as APNs does with 410.</param>
public sealed record FakeApnsReply(int Status, string? Reason = null, DateTimeOffset? Timestamp = null)
{
    /// <summary>Resets the HTTP/2 stream instead of answering, as a dropped connection would look to a client.</summary>
    public bool ResetsStream { get; init; }

    public static FakeApnsReply Delivered { get; } = new(200);

    public static FakeApnsReply BadDeviceToken { get; } = new(400, "BadDeviceToken");

    public static FakeApnsReply PayloadTooLarge { get; } = new(413, "PayloadTooLarge");

    public static FakeApnsReply TooManyRequests { get; } = new(429, "TooManyRequests");

    public static FakeApnsReply InternalServerError { get; } = new(500, "InternalServerError");

    public static FakeApnsReply ServiceUnavailable { get; } = new(503, "ServiceUnavailable");

    public static FakeApnsReply StreamReset { get; } = new(0) { ResetsStream = true };

    /// <summary>403, e.g. <c>BadCertificate</c>, <c>BadCertificateEnvironment</c>.</summary>
    public static FakeApnsReply Forbidden(string reason = "BadCertificate") => new(403, reason);

    /// <summary>410: the token stopped being valid at <paramref name="since"/>.</summary>
    public static FakeApnsReply Unregistered(DateTimeOffset since) => new(410, "Unregistered", since);
}
