using System.Diagnostics;
using System.Globalization;
using SaaSMdm.Rpc.Bench;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

// Usage: dotnet run -c Release --project bench/Rpc.Bench -- [--duration 5] [--concurrency 1,16,64] [--payload 100]
if (args.Contains("--server"))
{
    await BenchServer.RunAsync();
    return;
}

var duration = TimeSpan.FromSeconds(double.Parse(Option("--duration", "5"), CultureInfo.InvariantCulture));
var levels = Option("--concurrency", "1,16,64").Split(',').Select(int.Parse).ToArray();
var payload = int.Parse(Option("--payload", "100"), CultureInfo.InvariantCulture);

using var server = Process.Start(new ProcessStartInfo(Environment.ProcessPath!)
{
    ArgumentList = { typeof(BenchServer).Assembly.Location, "--server" },
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
    UseShellExecute = false,
})!;
var address = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("benchmark server did not start");
using var channel = GrpcChannel.ForAddress(address);
var client = new TestServiceDefinition.TestServiceClient(channel.CreateCallInvoker());

Console.WriteLine($"Unary Echo ({payload}-byte payload) through src/Rpc over h2c on loopback; server in a separate process; {Environment.ProcessorCount} cores; {duration.TotalSeconds:0} s per level.");
Console.WriteLine($"{"callers",8} {"calls",10} {"calls/s",10} {"p50 ms",8} {"p99 ms",8} {"client B/call",14} {"server B/call",14}");
foreach (var level in levels)
{
    var result = await new LoadRun(client, level, payload).RunAsync(TimeSpan.FromSeconds(1), duration);
    Console.WriteLine($"{result.Concurrency,8} {result.Calls,10} {result.CallsPerSecond,10:0} {result.P50Ms,8:0.000} {result.P99Ms,8:0.000} {result.ClientBytesPerCall,14:0} {result.ServerBytesPerCall,14:0}");
}

server.StandardInput.Close();
await server.WaitForExitAsync();

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
