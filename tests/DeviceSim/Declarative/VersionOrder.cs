namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>Orders dotted version strings by their numeric parts, so 9.0 comes before 17.0 and 18 equals 18.0.</summary>
internal static class VersionOrder
{
    public static bool IsVersion(string text) =>
        text.Length > 0 && text.Split('.').All(part => part.Length is > 0 and <= 9 && part.All(char.IsAsciiDigit));

    /// <summary>Both must satisfy <see cref="IsVersion"/>.</summary>
    public static int Compare(string left, string right)
    {
        var a = left.Split('.').Select(int.Parse).ToArray();
        var b = right.Split('.').Select(int.Parse).ToArray();
        for (var index = 0; index < Math.Max(a.Length, b.Length); index++)
        {
            var difference = (index < a.Length ? a[index] : 0).CompareTo(index < b.Length ? b[index] : 0);
            if (difference != 0)
            {
                return difference;
            }
        }

        return 0;
    }

    /// <summary>Whether a schema's <c>introduced</c> value admits a device running <paramref name="version"/>; <c>n/a</c> never does.</summary>
    public static bool IntroducedBy(string? introduced, string version) =>
        introduced is not null && IsVersion(introduced) && Compare(introduced, version) <= 0;
}
