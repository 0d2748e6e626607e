using SaaSMdm.Device.Bench;
using SaaSMdm.DeviceSim.Fleet;

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

Console.WriteLine(
    $"Device lifecycle through Edge and Core (separate processes) on {arguments.Provider}, {Environment.ProcessorCount} cores; " +
    $"{arguments.Parallel} devices at once, {arguments.Connects} Idle reports per device");
// Enough devices, and then a quiet moment, for the JIT to optimize the hot paths of Core and Edge before the
// measured fleet starts: otherwise small fleets measure mostly compilation.
const int WarmupDevices = 200;
var compilationPause = TimeSpan.FromSeconds(5);
var keys = new SharedDeviceKeys();
var results = new List<SizeResult>();
foreach (var size in arguments.Devices)
{
    Console.WriteLine($"{size:N0} devices: starting Core and Edge over a fresh database");
    await using var system = await BenchSystem.StartAsync(arguments);
    Console.WriteLine($"    warming up: {WarmupDevices} devices of another tenant take every step, unmeasured");
    await new LifecycleRun(system, await system.CreateTenantAsync("warmup"), keys, arguments, TextWriter.Null).RunAsync(WarmupDevices);
    await Task.Delay(compilationPause);
    results.Add(await new LifecycleRun(system, await system.CreateTenantAsync("bench"), keys, arguments, Console.Out).RunAsync(size));
}

Console.WriteLine();
ResultTable.Write(Console.Out, results);
return results.All(r => new[] { r.Enrollment, r.Idle, r.Commands, r.Declarative.Sync, r.Declarative.Tokens, r.Declarative.Items }
    .All(step => step.Report.Failures.Count == 0)) ? 0 : 1;
