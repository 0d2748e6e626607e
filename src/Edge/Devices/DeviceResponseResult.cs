using Microsoft.AspNetCore.Diagnostics;
using SaaSMdm.Contracts.Internal.V1;

namespace SaaSMdm.Edge.Devices;

/// <summary>Writes the answer Core chose for the device as it is: status, content type and body.</summary>
public sealed class DeviceResponseResult(DeviceResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (response.HttpStatus is < 200 or > 599)
        {
            await Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Bad gateway",
                detail: "The management service gave an answer that is not an HTTP status.").ExecuteAsync(httpContext);
            return;
        }

        // An empty error answer from Core stays empty: no problem body is added on the way out.
        if (httpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        var http = httpContext.Response;
        http.StatusCode = response.HttpStatus;
        if (response.ContentType.Length > 0)
        {
            http.ContentType = response.ContentType;
        }

        if (!response.Body.IsEmpty)
        {
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body.Memory, httpContext.RequestAborted);
        }
    }
}
