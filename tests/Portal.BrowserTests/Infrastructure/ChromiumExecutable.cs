namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The system's Chromium, which Playwright drives instead of a browser it would download: the one
/// <c>SAASMDM_CHROMIUM</c> names, else Debian's or Ubuntu's package.
/// </summary>
public static class ChromiumExecutable
{
    public const string EnvironmentVariable = "SAASMDM_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <exception cref="InvalidOperationException">No Chromium is installed, or the configured one does not exist.</exception>
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{EnvironmentVariable} names '{configured}', which does not exist.");
        }

        return Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"No Chromium found at {string.Join(" or ", Candidates)}. Install it (apt-get install chromium, as scripts/test.sh does) "
            + $"or set {EnvironmentVariable} to a Chromium executable.");
    }
}
