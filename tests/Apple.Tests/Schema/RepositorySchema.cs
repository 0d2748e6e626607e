using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Schema;

/// <summary>The schema files as they sit in the repository, found by walking up from the test binaries.</summary>
internal static class RepositorySchema
{
    private static readonly string Root = RepositoryPaths.Combine("third_party", "apple-device-management");

    public static IEnumerable<string> AllPaths() =>
        Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/'));
}
