using System.Diagnostics;

namespace SaaSMdm.TestSupport;

/// <summary>
/// Runs an independent program the tests compare against (openssl, python3, scepclient, node) and
/// captures what it says. A missing program fails the test with the package that provides it.
/// </summary>
public static class ExternalTool
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static Task<ToolResult> RunAsync(string tool, params string[] arguments) =>
        RunAsync(tool, arguments, DefaultTimeout);

    /// <param name="environment">Variables set for the program, on top of the test process's own.</param>
    public static async Task<ToolResult> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var commandLine = $"{tool} {string.Join(' ', start.ArgumentList)}";
        using var process = Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout}. stderr: {await stderr}");
        }

        return new ToolResult(commandLine, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running program (a peer server), failing clearly when it is not installed.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{start.FileName}' is needed by this test and is not installed (apt-get install -y {PackageOf(start.FileName)}); " +
                "scripts/test.sh installs what the tests need.", ex);
        }
    }

    private static string PackageOf(string tool) => tool switch
    {
        "scepclient" => "scep",
        "node" => "nodejs",
        _ => tool,
    };
}

public sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public ToolResult EnsureSuccess() => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"'{CommandLine}' exited {ExitCode}: {StandardError}{StandardOutput}");

    public override string ToString() => $"'{CommandLine}' exited {ExitCode}{Environment.NewLine}stdout: {StandardOutput}{Environment.NewLine}stderr: {StandardError}";
}
