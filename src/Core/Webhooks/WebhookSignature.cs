using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SaaSMdm.Core.Webhooks;

/// <summary>
/// The SaaSMdm-Signature header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;</c>.
/// The time is signed with the body, so a receiver that checks it against its clock refuses replayed deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "SaaSMdm-Signature";

    public static string Of(byte[] key, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[Encoding.ASCII.GetByteCount(t) + 1 + body.Length];
        var written = Encoding.ASCII.GetBytes(t, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(key, signed))}";
    }
}
