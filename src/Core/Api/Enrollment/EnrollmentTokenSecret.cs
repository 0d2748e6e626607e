using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SaaSMdm.Core.Api.Enrollment;

/// <summary>
/// The secret of an enrollment token: 32 random bytes as base64url, shown once. Only its hash is stored, so a
/// leaked database does not leak working enrollment URLs.
/// </summary>
public sealed record EnrollmentTokenSecret(string Secret, string Hash)
{
    public static EnrollmentTokenSecret Create()
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new EnrollmentTokenSecret(secret, HashOf(secret));
    }

    /// <summary>SHA-256 of the secret's UTF-8 text, lowercase hex: what <c>enrollment_tokens.secret_hash</c> holds.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
