using SaaSMdm.Contracts.Auth;
using SaaSMdm.Rpc;
using SaaSMdm.SampleClient;

// Errors go to stderr as one line and make the exit code 1, so scripts can tell a refused client from a broken API.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, args) =>
{
    args.Cancel = true;
    stop.Cancel();
};

try
{
    await SampleRun.RunAsync(SampleOptions.FromEnvironment(Environment.GetEnvironmentVariable), Console.Out, stop.Token);
    return 0;
}
catch (SampleConfigurationException error)
{
    await Console.Error.WriteLineAsync(error.Message);
}
catch (TokenEndpointException error)
{
    await Console.Error.WriteLineAsync($"token error {error.Error}: {error.Description} (HTTP {error.StatusCode})");
}
catch (HttpRequestException error)
{
    await Console.Error.WriteLineAsync($"token error: cannot reach the token endpoint ({error.Message})");
}
catch (RpcException error)
{
    await Console.Error.WriteLineAsync($"rpc error {error.StatusCode}: {error.Status.Detail}");
}

return 1;
