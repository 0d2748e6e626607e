namespace SaaSMdm.Portal.Hosting;

/// <summary>Where the portal listens, what it talks to and how long a sign-in lasts (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Core's gRPC endpoint: the portal does everything through Core's public API.</summary>
    public string CoreUrl { get; set; } = "http://127.0.0.1:5100";

    /// <summary>Core's HTTP address, where its OAuth2 token and account endpoints are.</summary>
    public string CoreHttpUrl { get; set; } = "http://127.0.0.1:5101";

    /// <summary>
    /// The portal's own OAuth2 client (Core's <c>Bootstrap:PortalClientId</c>): the only client Core lets sign people
    /// in with a password. Every call to Core then carries the signed-in person's token, never this client's.
    /// </summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Edge's public base URL, to show each tenant where its devices enroll.</summary>
    public string EdgeUrl { get; set; } = "https://127.0.0.1:5443";

    /// <summary>A sign-in ends after this long without a request (the browser's cookie expires).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in and antiforgery cookies are sent over HTTPS only. Keep it on wherever people reach the portal through
    /// TLS (also TLS ended at a proxy in front of it); turn it off only to use the portal over plain HTTP on loopback.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>
    /// Where the keys that encrypt sign-in cookies are kept. Replicas behind one address must share it; empty keeps
    /// ASP.NET Core's per-user default, which suits a single portal.
    /// </summary>
    public string? KeysDirectory { get; set; }
}
