using SaaSMdm.Rpc;

namespace SaaSMdm.Edge.Devices;

/// <summary>The HTTP answer a device gets when Core ends its call with a gRPC status other than OK.</summary>
public sealed record CoreStatusAnswer(int HttpStatus, string Title, string Detail, bool RetryLater)
{
    private const string Unavailable = "The management service is temporarily unavailable; try again later.";

    public static CoreStatusAnswer For(Status status) => status.StatusCode switch
    {
        StatusCode.NotFound => new(StatusCodes.Status404NotFound, "Not found", status.Detail, false),
        StatusCode.PermissionDenied => new(StatusCodes.Status403Forbidden, "Forbidden", status.Detail, false),
        StatusCode.Unauthenticated => new(StatusCodes.Status401Unauthorized, "Unauthenticated", status.Detail, false),
        StatusCode.InvalidArgument => new(StatusCodes.Status400BadRequest, "Bad request", status.Detail, false),
        StatusCode.FailedPrecondition => new(StatusCodes.Status409Conflict, "Conflict", status.Detail, false),
        StatusCode.ResourceExhausted => new(StatusCodes.Status429TooManyRequests, "Too many requests", status.Detail, true),
        // Edge's own transport errors (addresses, socket errors) are no business of the device's.
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", Unavailable, true),
        _ => new(StatusCodes.Status502BadGateway, "Bad gateway", $"The management service failed to answer ({status.StatusCode}).", false),
    };
}
