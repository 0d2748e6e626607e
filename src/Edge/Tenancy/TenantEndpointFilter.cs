namespace SaaSMdm.Edge.Tenancy;

/// <summary>
/// Guards every /t/{tenant}/ endpoint: the tenant must exist before anything else happens.
/// Handlers read it with <see cref="HttpContextTenantExtensions.GetTenant"/>.
/// </summary>
public sealed partial class TenantEndpointFilter(TenantResolver resolver, ILogger<TenantEndpointFilter> logger) : IEndpointFilter
{
    public const string RouteKey = "tenant";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var slug = http.Request.RouteValues[RouteKey] as string ?? "";
        ResolvedTenant? tenant;
        try
        {
            tenant = await resolver.ResolveAsync(slug, http.RequestAborted);
        }
        catch (CoreUnavailableException ex)
        {
            LogCoreUnavailable(logger, ex);
            http.Response.Headers.RetryAfter = "30";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                detail: "The management service is temporarily unavailable; try again later.");
        }

        if (tenant is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant",
                detail: $"There is no organization at '/t/{Sanitize(slug)}/'. Check the enrollment URL.");
        }

        http.Items[typeof(ResolvedTenant)] = tenant;
        return await next(context);
    }

    /// <summary>The slug as it may be echoed back: only the characters a slug can have, and not too many.</summary>
    private static string Sanitize(string slug) =>
        new(slug.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(63).ToArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Core is unavailable; answering 503")]
    private static partial void LogCoreUnavailable(ILogger logger, Exception exception);
}

public static class HttpContextTenantExtensions
{
    /// <summary>The tenant <see cref="TenantEndpointFilter"/> resolved for this request.</summary>
    public static ResolvedTenant GetTenant(this HttpContext http) =>
        http.Items[typeof(ResolvedTenant)] as ResolvedTenant
        ?? throw new InvalidOperationException("No tenant on this request; the endpoint is not behind TenantEndpointFilter.");
}
