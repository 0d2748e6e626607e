namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The otpauth:// URI authenticator apps read from a QR code (Google Authenticator's key URI format): the account,
/// the shared key in base32, and the issuer, with the parameters Identity's authenticator codes use.
/// </summary>
public static class AuthenticatorUri
{
    public const string Issuer = "SaaS MDM";

    public static string For(string account, string sharedKey)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(account)}?secret={sharedKey}&issuer={issuer}&algorithm=SHA1&digits=6&period=30";
    }
}
