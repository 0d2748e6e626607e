using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Contracts.Auth;

/// <summary>
/// An API client's credentials for a channel: gets an access token with the client-credentials grant and gets a
/// new one shortly before it expires, so every call carries a valid token.
/// </summary>
public sealed class ClientCredentials(TokenEndpointClient tokens, string clientId, string clientSecret, string? scope = null) : CallCredentials, IDisposable
{
    /// <summary>Renew this long before expiry (at most half the lifetime), so a token never expires on the way to the server.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private string? _authorization;
    private DateTime _renewAt;

    public override async ValueTask<string> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        if (_authorization is { } current && DateTime.UtcNow < _renewAt)
        {
            return current;
        }

        await _renewal.WaitAsync(cancellationToken);
        try
        {
            if (_authorization is null || DateTime.UtcNow >= _renewAt)
            {
                var token = await tokens.ClientCredentialsAsync(clientId, clientSecret, scope, cancellationToken);
                var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
                _renewAt = DateTime.UtcNow + lifetime - TimeSpan.FromTicks(Math.Min(RenewalMargin.Ticks, lifetime.Ticks / 2));
                _authorization = "Bearer " + token.AccessToken;
            }

            return _authorization;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();
}
