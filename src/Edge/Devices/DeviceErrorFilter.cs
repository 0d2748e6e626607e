using SaaSMdm.Edge.Tenancy;
using SaaSMdm.Rpc;

namespace SaaSMdm.Edge.Devices;

/// <summary>
/// Answers what stops a device request, in one place: Edge's own refusals (bad input, no identity, too
/// large) and Core's gRPC statuses, each as a problem+json body. Logs say why, never with the body,
/// certificates or tokens.
/// </summary>
public sealed partial class DeviceErrorFilter(ILogger<DeviceErrorFilter> logger) : IEndpointFilter
{
    /// <summary>Seconds a device is asked to wait before retrying after 429 or 503.</summary>
    public const string RetryAfterSeconds = "30";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (DeviceRequestRefusedException refused)
        {
            LogRefused(logger, http.GetTenant().Slug, http.Request.Path, refused.StatusCode, refused.Message);
            return Results.Problem(statusCode: refused.StatusCode, title: refused.Title, detail: refused.Message);
        }
        catch (RpcException ex)
        {
            var answer = CoreStatusAnswer.For(ex.Status);
            LogCoreRefused(logger, http.GetTenant().Slug, http.Request.Path, ex.StatusCode, answer.HttpStatus);
            if (answer.RetryLater)
            {
                http.Response.Headers.RetryAfter = RetryAfterSeconds;
            }

            return Results.Problem(statusCode: answer.HttpStatus, title: answer.Title, detail: answer.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a device request for tenant {Tenant} at {Path} with {HttpStatus}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string tenant, string path, int httpStatus, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Core answered a device request for tenant {Tenant} at {Path} with {GrpcStatus}; the device gets {HttpStatus}")]
    private static partial void LogCoreRefused(ILogger logger, string tenant, string path, StatusCode grpcStatus, int httpStatus);
}
