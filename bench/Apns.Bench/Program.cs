using SaaSMdm.Apns.Bench;
using SaaSMdm.Apple.Push;
using SaaSMdm.AppleFakes;

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

if (arguments.Serve)
{
    await ServerProcess.ServeAsync();
    return 0;
}

using var server = await ServerProcess.StartAsync();
using var authority = FakeCertificateAuthority.Create("Bench Push CA");
using var pushCertificate = authority.IssuePushCertificate($"com.apple.mgmt.External.{Guid.NewGuid()}");

Console.WriteLine($"APNs client -> fake APNs (separate process) over loopback, {Environment.ProcessorCount} cores, {arguments.Pushes} pushes per level");
Console.WriteLine(LevelResult.Header);
foreach (var concurrency in arguments.Concurrency)
{
    using var client = new ApnsClient(pushCertificate, new ApnsClientOptions
    {
        BaseAddress = server.BaseAddress,
        TrustedServerRoots = [server.Authority],
        MaxConcurrentPushes = concurrency,
    });
    await LevelRunner.RunAsync(client, concurrency, Math.Min(arguments.Pushes, 2_000));
    Console.WriteLine(await LevelRunner.RunAsync(client, concurrency, arguments.Pushes));
}

return 0;
