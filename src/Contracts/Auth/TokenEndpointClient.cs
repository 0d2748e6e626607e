using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SaaSMdm.Contracts.Auth;

/// <summary>Asks Core's OAuth2 token endpoint (<c>POST /oauth2/token</c> on Core's HTTP address) for access tokens.</summary>
public sealed class TokenEndpointClient(HttpClient http, Uri tokenEndpoint)
{
    public const string Path = "/oauth2/token";

    /// <summary>RFC 7009 revocation, on the same address.</summary>
    public const string RevocationPath = "/oauth2/revoke";

    /// <summary>The error the endpoint answers when a person's password was right but a two-factor code is needed.</summary>
    public const string TwoFactorRequiredError = "two_factor_required";

    /// <param name="coreHttpAddress">Core's HTTP address (e.g. <c>http://127.0.0.1:5101</c>).</param>
    public static Uri EndpointOf(Uri coreHttpAddress) => new(coreHttpAddress, Path);

    /// <summary>Client credentials (RFC 6749 §4.4); <paramref name="scope"/> null asks for every scope the client holds.</summary>
    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string clientSecret, string? scope = null, CancellationToken cancellationToken = default) =>
        RequestAsync(clientId, clientSecret, Form(("grant_type", "client_credentials"), ("scope", scope)), cancellationToken);

    /// <summary>A person's sign-in through a portal client: email, password and, with two-factor on, the current TOTP code.</summary>
    public Task<TokenResponse> PasswordAsync(string clientId, string clientSecret, string email, string password, string? twoFactorCode = null, CancellationToken cancellationToken = default) =>
        RequestAsync(clientId, clientSecret, Form(("grant_type", "password"), ("username", email), ("password", password), ("two_factor_code", twoFactorCode)), cancellationToken);

    /// <summary>Exchanges a refresh token for a new access token and a new refresh token (the old one is spent).</summary>
    public Task<TokenResponse> RefreshAsync(string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken = default) =>
        RequestAsync(clientId, clientSecret, Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken)), cancellationToken);

    /// <summary>Revokes a refresh token (and the sign-in it belongs to); Core answers alike for unknown tokens.</summary>
    public async Task RevokeAsync(string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new Uri(tokenEndpoint, RevocationPath), clientId, clientSecret, Form(("token", refreshToken), ("token_type_hint", "refresh_token")), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var (error, description) = await ReadErrorAsync(response, cancellationToken);
            throw new TokenEndpointException((int)response.StatusCode, error, description);
        }
    }

    private static List<KeyValuePair<string, string>> Form(params (string Key, string? Value)[] fields) =>
        [.. fields.Where(field => field.Value is not null).Select(field => KeyValuePair.Create(field.Key, field.Value!))];

    private async Task<TokenResponse> RequestAsync(string clientId, string clientSecret, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(tokenEndpoint, clientId, clientSecret, form, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new TokenEndpointException((int)response.StatusCode, "invalid_response", "The token endpoint answered an empty body.");
        }

        var (error, description) = await ReadErrorAsync(response, cancellationToken);
        throw new TokenEndpointException((int)response.StatusCode, error, description);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri endpoint, string clientId, string clientSecret, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicCredentials(clientId, clientSecret));
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>RFC 6749 §2.3.1: each part is form-encoded before the pair is base64-encoded.</summary>
    private static string BasicCredentials(string clientId, string clientSecret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}"));

    private static async Task<(string Error, string? Description)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var error = body.RootElement.TryGetProperty("error", out var code) ? code.GetString() : null;
            var description = body.RootElement.TryGetProperty("error_description", out var text) ? text.GetString() : null;
            return (error ?? "invalid_response", description);
        }
        catch (JsonException)
        {
            return ("invalid_response", $"HTTP {(int)response.StatusCode} without an OAuth2 error body.");
        }
    }
}
