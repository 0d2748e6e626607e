using System.Diagnostics.CodeAnalysis;

namespace SaaSMdm.Contracts;

/// <summary>
/// The shape of the URL devices reach Edge at, shared by Edge (its configured public URL) and Core (the base URL it
/// writes into enrollment profiles): a real device only talks https, and a query, fragment or credentials would
/// corrupt every URL built under it.
/// </summary>
public static class DeviceBaseUrl
{
    /// <summary>The rule, worded to follow "must be" in an error message.</summary>
    public const string Rule = "an absolute https URL (http only on a loopback address) without query, fragment or credentials";

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Uri? url)
    {
        url = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
                ? uri
                : null;
        return url is not null;
    }
}
