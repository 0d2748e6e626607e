using System.Globalization;
using Microsoft.Playwright;

namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>
/// One test's screenshots, numbered in the order taken: <c>screenshots/&lt;test&gt;/NN-step.png</c> under
/// <see cref="TestArtifacts.Root"/>.
/// </summary>
public sealed class Screens(string folder)
{
    private int _taken;

    public string Folder { get; } = folder;

    /// <summary>Saves the whole page as <c>NN-step.png</c> and returns the file's path.</summary>
    public async Task<string> CaptureAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        var number = Interlocked.Increment(ref _taken).ToString("00", CultureInfo.InvariantCulture);
        var path = Path.Combine(Folder, $"{number}-{TestArtifacts.SafeFileName(step)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// What the page showed when a test failed: a screenshot and its HTML. Never throws, so the test's own
    /// failure is the one reported.
    /// </summary>
    public async Task CaptureFailureAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            var path = await CaptureAsync(page, "failure");
            await File.WriteAllTextAsync(Path.ChangeExtension(path, ".html"), await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page or browser is gone (a crash is a common cause of the failure): nothing left to capture.
        }
    }
}
