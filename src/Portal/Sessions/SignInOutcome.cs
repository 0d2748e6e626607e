namespace SaaSMdm.Portal.Sessions;

/// <summary>How a sign-in attempt ended, with the sentence to show the person when it did not succeed.</summary>
public sealed record SignInOutcome(SignInStep Step, string? Message = null)
{
    public static readonly SignInOutcome SignedIn = new(SignInStep.SignedIn);
}

public enum SignInStep
{
    SignedIn,

    /// <summary>The password was right; the person's authenticator code is needed (or was wrong).</summary>
    TwoFactorCode,

    Refused,
}
