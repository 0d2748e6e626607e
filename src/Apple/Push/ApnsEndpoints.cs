namespace SaaSMdm.Apple.Push;

/// <summary>Apple's APNs provider API hosts.</summary>
public static class ApnsEndpoints
{
    public static Uri Production { get; } = new("https://api.push.apple.com/");

    /// <summary>For profiles with <c>UseDevelopmentAPNS</c>.</summary>
    public static Uri Sandbox { get; } = new("https://api.sandbox.push.apple.com/");
}
