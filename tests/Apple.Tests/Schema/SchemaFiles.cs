namespace SaaSMdm.Apple.Tests.Schema;

/// <summary>Enumerates the embedded schema files directly, independently of the catalog under test.</summary>
internal static class SchemaFiles
{
    private const string Prefix = "AppleSchema/";

    public static IEnumerable<string> AllPaths() =>
        AppleAssembly.Instance.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..]);

    /// <summary>Paths under <paramref name="folder"/> (empty for all), so a new file becomes a new theory case by itself.</summary>
    public static TheoryData<string> Under(string folder, params string[] except)
    {
        var data = new TheoryData<string>();
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        foreach (var path in AllPaths().Where(path => path.StartsWith(prefix, StringComparison.Ordinal) && !except.Contains(path)).Order(StringComparer.Ordinal))
        {
            data.Add(path);
        }

        return data;
    }
}
