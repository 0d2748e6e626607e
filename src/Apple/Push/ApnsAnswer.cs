namespace SaaSMdm.Apple.Push;

/// <summary>Maps an APNs status and reason to what the caller must do next.</summary>
internal static class ApnsAnswer
{
    /// <summary>Classifies any answer but 200.</summary>
    public static AttemptResult Classify(int status, ApnsErrorBody body, int attempts) => status switch
    {
        400 when body.Reason is "BadDeviceToken" or "DeviceTokenNotForTopic" =>
            AttemptResult.Final(new InvalidToken(body.Reason, null) { Attempts = attempts }),
        403 => AttemptResult.Final(new CertificateRejected(body.Reason) { Attempts = attempts }),
        410 => AttemptResult.Final(new InvalidToken(body.Reason ?? "Unregistered", body.Timestamp) { Attempts = attempts }),
        429 or >= 500 => AttemptResult.Retryable(status, body.Reason, attempts),
        _ => AttemptResult.Final(new Rejected(status, body.Reason) { Attempts = attempts }),
    };
}
