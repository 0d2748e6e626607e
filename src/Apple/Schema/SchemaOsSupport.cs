namespace SaaSMdm.Apple.Schema;

/// <summary>
/// One operating system's entry under <c>supportedOS</c>. Versions stay text because Apple writes
/// <c>n/a</c> for "not available"; flags are null when the file does not state them.
/// </summary>
public sealed record SchemaOsSupport(
    string? Introduced,
    string? Deprecated,
    string? Removed,
    bool? Supervised,
    bool? DeviceChannel,
    bool? UserChannel,
    IReadOnlyList<string> AllowedEnrollments,
    IReadOnlyList<string> AllowedScopes)
{
    /// <summary>False when Apple marks the feature <c>n/a</c> on this system.</summary>
    public bool IsAvailable => !string.Equals(Introduced, "n/a", StringComparison.Ordinal);
}
