namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Where tests leave files for people and CI to look at: the folder <c>SAASMDM_TEST_ARTIFACTS</c> names,
/// else <c>TestResults</c> in the test project's output folder.
/// </summary>
public static class TestArtifacts
{
    public const string EnvironmentVariable = "SAASMDM_TEST_ARTIFACTS";

    public static string Root => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "TestResults");

    /// <summary>The screenshot folder of one test, emptied of an earlier run's files.</summary>
    public static string ScreenshotFolder(string testName)
    {
        var folder = Path.Combine(Root, "screenshots", SafeFileName(testName));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Directory.CreateDirectory(folder).FullName;
    }

    public static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c).ToArray());
    }
}
