using System.Diagnostics;
using SaaSMdm.Device.Bench;
using SaaSMdm.DeviceList.Bench;
using SaaSMdm.TestHosts;

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

// Core's response time is what a grid feels; rate limits would cap the bench, and logging below warnings would dominate.
var settings = new Dictionary<string, string> { ["SAASMDM_RateLimits__Enabled"] = "false", ["Logging__LogLevel__Default"] = "Warning" };
Console.WriteLine(
    $"Device grid and dashboard through Core (a separate process) and the portal (in the bench's process) on {arguments.Provider}, {Environment.ProcessorCount} cores; " +
    $"{arguments.Devices:N0} devices, pages of {arguments.PageSize}, {arguments.Calls} calls per case, one caller");
Console.WriteLine("starting Core over a fresh database");
var database = await TestDatabase.CreateAsync(arguments.Provider, arguments.PostgresAdmin);
await using var system = await SystemUnderTest.StartAsync(database, settings, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
using var tenant = await BenchTenant.CreateAsync(system);

Console.WriteLine($"seeding tenant {tenant.Id}");
var seeding = Stopwatch.StartNew();
await new FleetSeeder(database, Guid.Parse(tenant.Id)).SeedAsync(arguments.Devices, CancellationToken.None);
Console.WriteLine($"    seeded in {seeding.Elapsed.TotalSeconds:N0} s");

var cases = (await GrpcCases.OfAsync(tenant.ClientChannel, tenant.Id, arguments.PageSize)).ToList();
Console.WriteLine("starting the portal and signing in an admin of the tenant");
await using var portal = await PortalTestHost.StartAsync(system.CoreGrpcAddress, system.CoreHttpAddress);
using var session = await PortalCases.SignInAdminAsync(database, Guid.Parse(tenant.Id), portal.Address);
cases.AddRange(await PortalCases.OfAsync(session, tenant.Slug, arguments.PageSize));
var results = new List<CaseResult>();
foreach (var benchCase in cases)
{
    var result = await CaseRunner.RunAsync(benchCase, arguments.Calls, CancellationToken.None);
    Console.WriteLine($"    {benchCase.Group} {benchCase.Name}: p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {result.Items:N0} items");
    results.Add(result);
}

var memory = ProcessMemory.Read(system.Core.ProcessId);
Console.WriteLine();
ResultTable.Write(Console.Out, results);
Console.WriteLine();
Console.WriteLine($"Core memory: peak {memory.PeakBytes / (1024.0 * 1024):F0} MB, now {memory.CurrentBytes / (1024.0 * 1024):F0} MB");
return 0;
