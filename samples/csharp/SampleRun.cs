using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.SampleClient;

/// <summary>
/// What the sample does, one line of output per step: gets an access token, lists the tenant's devices, queues a
/// DeviceInformation command for the first one and watches the tenant's events.
/// </summary>
public static class SampleRun
{
    private static readonly string[] DeviceInformationQueries = ["DeviceName", "OSVersion", "BuildVersion", "ModelName", "SerialNumber"];

    /// <exception cref="TokenEndpointException">the token endpoint refused the client (e.g. <c>invalid_client</c>).</exception>
    /// <exception cref="Rpc.RpcException">an API call failed.</exception>
    public static async Task RunAsync(SampleOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        var tokens = new TokenEndpointClient(http, TokenEndpointClient.EndpointOf(options.HttpAddress));
        // The channel's credentials get a token for the first call and a new one shortly before it expires.
        using var credentials = new ClientCredentials(tokens, options.ClientId, options.ClientSecret);
        // Asking once up front turns wrong credentials into the token endpoint's own error, before any call.
        await credentials.GetAuthorizationAsync(cancellationToken);
        await output.WriteLineAsync("token ok");

        using var channel = GrpcChannel.ForAddress(options.GrpcAddress, new GrpcChannelOptions { Credentials = credentials });
        var invoker = channel.CreateCallInvoker();
        var call = new CallOptions(CancellationToken: cancellationToken);

        var devices = await ListDevicesAsync(new Devices.DevicesClient(invoker), options.TenantId, call);
        await output.WriteLineAsync($"devices {devices.Count}");
        foreach (var device in devices)
        {
            await output.WriteLineAsync($"device {device.Id} {OrDash(device.SerialNumber)} \"{device.DeviceName}\" {OrDash(device.OsVersion)}");
        }

        if (devices.Count > 0)
        {
            var queued = await new Commands.CommandsClient(invoker).EnqueueCommandAsync(new EnqueueCommandRequest
            {
                TenantId = options.TenantId,
                DeviceIds = { devices[0].Id },
                DeviceInformation = new DeviceInformationCommand { Queries = { DeviceInformationQueries } },
            }, call.WithTimeout(TimeSpan.FromSeconds(30)));
            await output.WriteLineAsync($"enqueued {queued.CommandUuid} {queued.RequestType} devices={queued.DeviceCount}");
        }
        else
        {
            await output.WriteLineAsync("enqueued nothing: the tenant has no devices");
        }

        if (options.WatchDuration > TimeSpan.Zero)
        {
            await output.WriteLineAsync($"watching events for {options.WatchDuration.TotalSeconds}s");
            await EventWatch.RunAsync(invoker, options.TenantId, options.WatchDuration, output, cancellationToken);
        }
    }

    private static async Task<List<Device>> ListDevicesAsync(Devices.DevicesClient client, string tenantId, CallOptions call)
    {
        var devices = new List<Device>();
        var pageToken = "";
        do
        {
            var page = await client.ListDevicesAsync(
                new ListDevicesRequest { TenantId = tenantId, PageSize = 1000, PageToken = pageToken }, call.WithTimeout(TimeSpan.FromSeconds(30)));
            devices.AddRange(page.Devices);
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);
        return devices;
    }

    internal static string OrDash(string value) => value.Length > 0 ? value : "-";
}
