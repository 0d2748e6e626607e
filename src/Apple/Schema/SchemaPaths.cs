using System.Globalization;

namespace SaaSMdm.Apple.Schema;

/// <summary>Builds the key paths of problems: <c>Command.Queries[2]</c>.</summary>
internal static class SchemaPaths
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
