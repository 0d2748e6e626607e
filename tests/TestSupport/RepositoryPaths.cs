namespace SaaSMdm.TestSupport;

/// <summary>Paths inside the repository, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SaaSMdm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SaaSMdm.sln not found above " + AppContext.BaseDirectory);
    }
}
