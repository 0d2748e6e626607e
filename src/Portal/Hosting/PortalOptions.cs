namespace SaaSMdm.Portal.Hosting;

/// <summary>Where the portal listens and what it talks to (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Core's gRPC endpoint: the portal does everything through Core's public API.</summary>
    public string CoreUrl { get; set; } = "http://127.0.0.1:5100";

    /// <summary>Core's HTTP address, where its OAuth2 token endpoint is.</summary>
    public string CoreHttpUrl { get; set; } = "http://127.0.0.1:5101";

    /// <summary>
    /// The API client the portal calls Core with (client credentials). Until people sign in to the portal, this is an
    /// operator's client; without it every call is refused.
    /// </summary>
    public string? ApiClientId { get; set; }

    public string? ApiClientSecret { get; set; }

    /// <summary>Edge's public base URL, to show each tenant where its devices enroll.</summary>
    public string EdgeUrl { get; set; } = "https://127.0.0.1:5443";
}
