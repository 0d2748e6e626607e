using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Webhooks;

/// <summary>A webhook's signing secret: random, shown once, stored encrypted (HMAC needs it in plain text).</summary>
public sealed class WebhookSecrets(SecretProtector protector)
{
    private const string Prefix = "whsec_";

    /// <summary>A new secret and its protected form for the database.</summary>
    public (string Secret, string Protected) Create()
    {
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (secret, protector.Protect(SecretPurpose.WebhookSecret, Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>The HMAC key of a stored secret: the UTF-8 bytes of the secret as shown.</summary>
    public byte[] Key(string protectedSecret) => protector.Unprotect(SecretPurpose.WebhookSecret, protectedSecret);
}
