namespace SaaSMdm.Portal.Sessions;

/// <summary>The request's signed-in person, as far as calls to Core need it: their current access token.</summary>
public sealed class PortalSession
{
    public string? AccessToken { get; private set; }

    public bool IsSignedIn => AccessToken is not null;

    internal void Begin(string accessToken) => AccessToken = accessToken;
}
