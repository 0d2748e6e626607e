using SaaSMdm.Portal.CoreApi;

namespace SaaSMdm.Portal.Settings;

/// <summary>Runs a form's call to Core and turns its refusal into the sentence the page shows.</summary>
public static class CoreRefusals
{
    /// <returns>null when the call went through; otherwise why Core refused it (or that it is unreachable).</returns>
    public static async Task<string?> OfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (SaaSMdm.Rpc.RpcException ex)
        {
            return PortalErrors.Describe(ex);
        }
    }
}
