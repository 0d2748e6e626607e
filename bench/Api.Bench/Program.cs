using SaaSMdm.Api.Bench;
using SaaSMdm.Device.Bench;
using SaaSMdm.Rpc.Client;

BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

// Every workload, unmeasured, before the measured phases, and then a quiet moment, so that the JIT has optimized
// Core's hot paths: otherwise the first phases measure mostly compilation.
const int WarmupCallers = 16;
var warmupBudget = PhaseBudget.For(300);
var compilationPause = TimeSpan.FromSeconds(5);
// Core's background work (maintenance, event and webhook loops) costs processor time with no call at all; the phases'
// CPU per call includes it, so it is measured on its own.
var restWindow = TimeSpan.FromSeconds(3);

Console.WriteLine(
    $"Public API through Core (a separate process) on {arguments.Provider}, {Environment.ProcessorCount} cores shared by Core, " +
    $"the database and the callers; rate limits off; {arguments.Tokens:N0} tokens per token phase, {arguments.Calls} per call phase; " +
    $"callers: {string.Join(", ", arguments.Concurrency)}");
Console.WriteLine("starting Core over a fresh database");
await using var system = await BenchSystem.StartAsync(arguments);
using var tenant = await BenchTenant.CreateAsync(system);
using var withoutToken = GrpcChannel.ForAddress(system.CoreGrpcAddress);
var workloads = Workloads.Of(system, withoutToken, tenant, arguments);
Console.WriteLine($"    tenant with {BenchTenant.DeclarationCount} declarations and its API client {tenant.ClientId} made; warming up");
foreach (var workload in workloads)
{
    await new Phase(workload with { Budget = warmupBudget }, WarmupCallers).RunAsync(system.Core.ProcessId);
}

await Task.Delay(compilationPause);
var restBefore = ProcessorTimes.Read(system.Core.ProcessId);
await Task.Delay(restWindow);
var restMsPerSecond = ProcessorTimes.Read(system.Core.ProcessId).Since(restBefore).Core.TotalMilliseconds / restWindow.TotalSeconds;
Console.WriteLine($"    Core at rest: {restMsPerSecond:F1} ms processor time per second");
var results = new List<PhaseResult>();
foreach (var workload in workloads)
{
    foreach (var callers in arguments.Concurrency)
    {
        Console.WriteLine($"    {workload.Name}, {workload.Caller}, {callers} callers: {workload.Budget}");
        var result = await new Phase(workload, callers).RunAsync(system.Core.ProcessId);
        Console.WriteLine(
            $"      {result.Calls:N0} calls, {result.Errors:N0} errors, {result.CallsPerSecond:N0}/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, " +
            $"CPU ms/call Core {result.CpuMsPerCall.Core:F2}, bench {result.CpuMsPerCall.Bench:F2}");
        if (result.FirstError is { } error)
        {
            Console.WriteLine($"      first error: {error}");
        }

        results.Add(result);
    }
}

var memory = ProcessMemory.Read(system.Core.ProcessId);
Console.WriteLine();
ResultTable.Write(Console.Out, results);
Console.WriteLine();
Console.WriteLine(
    $"Core memory: peak {memory.PeakBytes / (1024.0 * 1024):F0} MB, now {memory.CurrentBytes / (1024.0 * 1024):F0} MB; " +
    $"Core at rest: {restMsPerSecond:F1} ms processor time per second");
return results.All(result => result.Errors == 0) ? 0 : 1;
