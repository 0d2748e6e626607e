using System.Buffers.Text;
using System.Security.Cryptography;
using SaaSMdm.Core.Security;

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
        return new EnrollmentTokenSecret(secret, SecretHash.Of(secret));
    }
}
