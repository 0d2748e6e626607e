using SaaSMdm.Portal.Sessions;
using SaaSMdm.Rpc;

namespace SaaSMdm.Portal.Tenancy;

/// <summary>
/// Resolves the tenant a page's address names among those the signed-in person may open. Any other slug, whether it
/// exists or not, answers 404 alike, so the portal never tells anyone which tenants exist.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, PortalSession session, PortalTenants tenants, CurrentTenant current)
    {
        if (session.IsSignedIn && http.GetRouteValue(CurrentTenant.RouteKey) is string slug)
        {
            TenantChoice? tenant;
            try
            {
                tenant = await tenants.FindAsync(slug, http.RequestAborted);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            if (tenant is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            current.Enter(tenant);
        }

        await next(http);
    }
}
