namespace SaaSMdm.Rpc.Client;

/// <summary>
/// Gives every call of a channel its <c>authorization</c> header (for example an OAuth2 bearer token that the
/// credentials obtain and renew themselves). A call that sets the header in its own metadata keeps its own.
/// </summary>
public abstract class CallCredentials
{
    public const string AuthorizationHeader = "authorization";

    /// <summary>The header value, e.g. <c>Bearer eyJ…</c>.</summary>
    public abstract ValueTask<string> GetAuthorizationAsync(CancellationToken cancellationToken);
}
