using System.Diagnostics;
using System.Text.Json;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Rpc.Tests.Interop;

/// <summary>The grpc-js scripts in tests/Interop/node, an independent gRPC implementation.</summary>
public static class NodePeer
{
    public static string ScriptDirectory { get; } = RepositoryPaths.Combine("tests", "Interop", "node");

    public static string TestProto { get; } = RepositoryPaths.Combine("tests", "Rpc.TestService", "Protos", "test_service.proto");

    /// <summary>Runs one client scenario against <paramref name="address"/> and returns the JSON it printed.</summary>
    public static async Task<JsonElement> RunClientAsync(Uri address, string scenario, string? protoPath = null)
    {
        EnsureInstalled();
        var result = await ExternalTool.RunAsync("node",
            Path.Combine(ScriptDirectory, "client.js"), $"{address.Host}:{address.Port}", scenario, protoPath ?? TestProto);
        Assert.True(result.ExitCode == 0 && result.StandardOutput.Length > 0, result.ToString());
        return JsonDocument.Parse(result.StandardOutput).RootElement;
    }

    /// <summary>Starts the grpc-js test server; dispose to stop it.</summary>
    public static async Task<NodeServer> StartServerAsync()
    {
        EnsureInstalled();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ScriptDirectory,
        };
        start.ArgumentList.Add(Path.Combine(ScriptDirectory, "server.js"));
        start.ArgumentList.Add(TestProto);
        var process = ExternalTool.Start(start);
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null)
        {
            throw new InvalidOperationException("grpc-js server did not start: " + await process.StandardError.ReadToEndAsync());
        }

        var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
        return new NodeServer(process, new Uri($"http://127.0.0.1:{port}"));
    }

    private static void EnsureInstalled()
    {
        if (!Directory.Exists(Path.Combine(ScriptDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"grpc-js is not installed: run 'npm ci' in {ScriptDirectory} (scripts/test.sh does this).");
        }
    }

    public sealed class NodeServer(Process process, Uri address) : IDisposable
    {
        public Uri Address { get; } = address;

        public void Dispose()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
