using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SaaSMdm.Portal.Sessions;

/// <summary>
/// Carries a password that Core accepted from the password step to the two-factor step, encrypted and valid for a
/// few minutes, so the portal keeps no state between the two requests and the password never reaches the page in clear.
/// </summary>
public sealed class PendingSignIn(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("SaaSMdm.Portal.PendingSignIn").ToTimeLimitedDataProtector();

    public string Protect(string email, string password) =>
        _protector.Protect(JsonSerializer.Serialize(new Credentials(email, password)), clock.GetUtcNow() + Lifetime);

    /// <returns>null when the value was not made here, was altered or is too old.</returns>
    public (string Email, string Password)? Unprotect(string? pending)
    {
        if (string.IsNullOrEmpty(pending) || pending.Length > 4096)
        {
            return null;
        }

        try
        {
            var credentials = JsonSerializer.Deserialize<Credentials>(_protector.Unprotect(pending));
            return credentials is { Email: { } email, Password: { } password } ? (email, password) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Credentials(string? Email, string? Password);
}
