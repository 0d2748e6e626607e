using Microsoft.Extensions.Options;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Edge.Devices;

/// <summary>Options for the call that carries a device request to Core: a deadline, and cancelled when the device goes away.</summary>
public sealed class CoreCalls(IOptions<EdgeOptions> options)
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.CoreCallTimeoutSeconds);

    public CallOptions For(HttpContext http) => new CallOptions(CancellationToken: http.RequestAborted).WithTimeout(_timeout);
}
