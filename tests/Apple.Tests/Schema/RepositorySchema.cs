using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

/// <summary>The schema files as they sit in the repository, found by walking up from the test binaries.</summary>
internal static class RepositorySchema
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static IEnumerable<string> AllPaths() =>
        Directory.EnumerateFiles(Root.Value, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root.Value, file).Replace(Path.DirectorySeparatorChar, '/'));

    public static SchemaDocument Read(string path)
    {
        using var reader = File.OpenText(Path.Combine(Root.Value, path));
        return SchemaDocumentReader.Read(path, reader);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "third_party", "apple-device-management");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("third_party/apple-device-management was not found above the test binaries.");
    }
}
