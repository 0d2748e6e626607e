using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Portal.CoreApi;

/// <summary>The options of every call the portal makes: the request's cancellation and a deadline a person will wait for.</summary>
public static class CoreCall
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static CallOptions Options(CancellationToken cancellationToken) =>
        new CallOptions(CancellationToken: cancellationToken).WithTimeout(Timeout);
}
