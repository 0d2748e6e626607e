using SaaSMdm.DeviceSim.CommandLine;

SimulatorArguments? arguments;
try
{
    arguments = SimulatorArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SimulatorArguments.Usage);
    return 2;
}

if (arguments is null)
{
    Console.WriteLine(SimulatorArguments.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await SimulatorRun.RunAsync(arguments, Console.Out, stop.Token);
}
catch (Exception e) when (e is ArgumentException or IOException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
