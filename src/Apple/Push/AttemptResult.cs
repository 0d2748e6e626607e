namespace SaaSMdm.Apple.Push;

/// <summary>The result of one request, and whether another request for the same push may fare better.</summary>
internal readonly record struct AttemptResult(PushOutcome Outcome, bool MayPassLater)
{
    public static AttemptResult Final(PushOutcome outcome) => new(outcome, false);

    public static AttemptResult Retryable(int? status, string? reason, int attempts) =>
        new(new Failed(status, reason) { Attempts = attempts }, true);
}
