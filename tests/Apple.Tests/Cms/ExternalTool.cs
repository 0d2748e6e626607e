using System.Diagnostics;

namespace SaaSMdm.Apple.Tests.Cms;

/// <summary>Runs an independent implementation (openssl, scepclient) and captures what it says.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<ToolResult> RunAsync(string tool, params string[] arguments)
    {
        var path = Locate(tool);
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        foreach (var argument in arguments)
        {
            process.StartInfo.ArgumentList.Add(argument);
        }

        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new ToolResult($"{tool} {string.Join(' ', arguments)}", process.ExitCode, await stdout, await stderr);
    }

    private static string Locate(string tool)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return directories.Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"'{tool}' is not installed but this test compares against it; install it (apt-get install -y {PackageOf(tool)}).");
    }

    private static string PackageOf(string tool) => tool switch
    {
        "scepclient" => "scep",
        _ => tool,
    };
}

internal sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public ToolResult EnsureSuccess() => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"'{CommandLine}' exited {ExitCode}: {StandardError}{StandardOutput}");
}
