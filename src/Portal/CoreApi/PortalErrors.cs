using SaaSMdm.Rpc;

namespace SaaSMdm.Portal.CoreApi;

/// <summary>Core's refusals as sentences a person can act on; never a stack trace or a status code name.</summary>
public static class PortalErrors
{
    public const string Unreachable = "The management service is not reachable right now. Try again in a moment.";

    public static string Describe(RpcException error) => error.StatusCode switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.OutOfRange => error.Status.Detail,
        StatusCode.NotFound => "It no longer exists; it may have been removed meanwhile.",
        StatusCode.PermissionDenied => "Your role in this tenant does not allow this.",
        StatusCode.Unauthenticated => "Your sign-in has ended. Sign in again.",
        StatusCode.ResourceExhausted => "Too many requests just now. Wait a moment and try again.",
        StatusCode.DeadlineExceeded or StatusCode.Unavailable => Unreachable,
        _ => "Something went wrong on the management service. Try again; if it persists, tell your administrator.",
    };
}
