using SaaSMdm.Contracts;
using SaaSMdm.Rpc;

namespace SaaSMdm.Edge.Devices;

/// <summary>The HTTP answer a device gets when Core ends its call with a gRPC status other than OK.</summary>
public sealed record CoreStatusAnswer(int HttpStatus, string Title, string Detail, bool RetryLater)
{
    private const string Unavailable = "The management service is temporarily unavailable; try again later.";

    public static CoreStatusAnswer For(Status status) => For(status.StatusCode, CallerText.Shorten(status.Detail, CallerText.MaxReasonLength));

    /// <param name="detail">Core's reason, bounded: it may quote what the device sent.</param>
    private static CoreStatusAnswer For(StatusCode code, string detail) => code switch
    {
        StatusCode.NotFound => new(StatusCodes.Status404NotFound, "Not found", detail, false),
        StatusCode.PermissionDenied => new(StatusCodes.Status403Forbidden, "Forbidden", detail, false),
        StatusCode.Unauthenticated => new(StatusCodes.Status401Unauthorized, "Unauthenticated", detail, false),
        StatusCode.InvalidArgument => new(StatusCodes.Status400BadRequest, "Bad request", detail, false),
        StatusCode.FailedPrecondition => new(StatusCodes.Status409Conflict, "Conflict", detail, false),
        StatusCode.ResourceExhausted => new(StatusCodes.Status429TooManyRequests, "Too many requests", detail, true),
        // Edge's own transport errors (addresses, socket errors) are no business of the device's.
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", Unavailable, true),
        _ => new(StatusCodes.Status502BadGateway, "Bad gateway", $"The management service failed to answer ({code}).", false),
    };
}
