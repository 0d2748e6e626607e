using System.Security.Cryptography;
using System.Text;

namespace SaaSMdm.Core.Security;

/// <summary>
/// How secrets that are only ever compared are stored (enrollment token secrets, SCEP challenges): SHA-256 of
/// their UTF-8 text in lower-case hex. The secrets carry 128 bits or more of randomness, so no salt is needed.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
