using Microsoft.AspNetCore.Components;
using SaaSMdm.Portal.CoreApi;

namespace SaaSMdm.Portal.Components.Shared;

/// <summary>
/// A page whose forms call Core: each call's refusal becomes <see cref="Error"/>, a sentence the page shows while it
/// keeps working, instead of an exception reaching the error page.
/// </summary>
public abstract class CorePage : ComponentBase
{
    /// <summary>Why the last call was refused, as a sentence; null when every call went through.</summary>
    protected string? Error { get; set; }

    /// <summary>Runs a call to Core; false (with <see cref="Error"/> set) when Core refused or was unreachable.</summary>
    protected async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            Error = null;
            return true;
        }
        catch (SaaSMdm.Rpc.RpcException ex)
        {
            Error = PortalErrors.Describe(ex);
            return false;
        }
    }
}
