namespace SaaSMdm.Apple.Plist;

/// <summary>
/// A typed getter found a missing key or a value of another type. Derives from <see cref="FormatException"/>
/// because a wrongly shaped document received from a device is malformed input, like a syntax error.
/// </summary>
public sealed class PlistTypeException : FormatException
{
    public PlistTypeException(string keyPath, PlistValueKind? expected, PlistValueKind? actual)
        : base(Describe(keyPath, expected, actual))
    {
        KeyPath = keyPath;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The dictionary key or array index (as <c>[n]</c>) that was asked for, relative to the container asked.</summary>
    public string KeyPath { get; }

    /// <summary>The type the caller asked for; null when any type would have done.</summary>
    public PlistValueKind? Expected { get; }

    /// <summary>The type found; null when the key was missing.</summary>
    public PlistValueKind? Actual { get; }

    private static string Describe(string keyPath, PlistValueKind? expected, PlistValueKind? actual)
    {
        var wanted = expected is { } kind ? $"a {kind.ToString().ToLowerInvariant()}" : "a value";
        return actual is { } found
            ? $"Plist key '{keyPath}' holds a {found.ToString().ToLowerInvariant()}, expected {wanted}."
            : $"Plist key '{keyPath}' is missing, expected {wanted}.";
    }
}
