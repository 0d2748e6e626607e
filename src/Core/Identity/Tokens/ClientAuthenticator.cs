using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Identity.Tokens;

/// <summary>
/// Authenticates the client of a token request (RFC 6749 §2.3.1): HTTP Basic, or <c>client_id</c> and
/// <c>client_secret</c> in the form. Every failure gets the same answer, so none tells which part was wrong.
/// </summary>
public sealed class ClientAuthenticator(CoreDbContext db)
{
    private const int MaxPartLength = 256;

    private static readonly TokenError Refused = TokenError.InvalidClient("Client authentication failed.");

    public async Task<(ApiClientEntity? Client, TokenError? Error)> AuthenticateAsync(HttpRequest request, IFormCollection form, CancellationToken cancellationToken)
    {
        var (clientId, secret, problem) = ReadCredentials(request, form);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (clientId!.Length > MaxPartLength || secret!.Length > MaxPartLength)
        {
            return (null, Refused);
        }

        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        var expected = Encoding.ASCII.GetBytes(client?.SecretHash ?? new string('0', 64));
        var presented = Encoding.ASCII.GetBytes(SecretHash.Of(secret));
        if (!CryptographicOperations.FixedTimeEquals(expected, presented) || client is null || client.RevokedAt is not null)
        {
            return (null, Refused);
        }

        return (client, null);
    }

    private static (string? ClientId, string? Secret, TokenError? Problem) ReadCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        var inForm = form.ContainsKey("client_id") || form.ContainsKey("client_secret");
        if (header.Length > 0)
        {
            if (inForm)
            {
                return (null, null, TokenError.InvalidRequest("Authenticate the client one way: HTTP Basic or form fields, not both."));
            }

            return ParseBasic(header);
        }

        if (form["client_id"].Count != 1 || form["client_secret"].Count != 1)
        {
            return (null, null, TokenError.InvalidClient("The client must authenticate: HTTP Basic, or client_id and client_secret once each."));
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString(), null);
    }

    private static (string? ClientId, string? Secret, TokenError? Problem) ParseBasic(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return (null, null, Refused);
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0
                ? (null, null, Refused)
                : (Uri.UnescapeDataString(pair[..colon].Replace('+', ' ')), Uri.UnescapeDataString(pair[(colon + 1)..].Replace('+', ' ')), null);
        }
        catch (FormatException)
        {
            return (null, null, Refused);
        }
    }
}
