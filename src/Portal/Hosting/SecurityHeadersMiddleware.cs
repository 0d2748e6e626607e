namespace SaaSMdm.Portal.Hosting;

/// <summary>
/// Headers every answer carries: the portal runs no script of its own and is never framed, so a strict policy costs
/// nothing and blunts injected markup and clickjacking. Pages are never cached: they show secrets once and a
/// signed-out browser must not bring a signed-in page back; static assets set their own caching.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        http.Response.OnStarting(() =>
        {
            if (!http.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
            {
                http.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(http);
    }
}
