using System.Security.Cryptography;

namespace SaaSMdm.Core.Enrollments;

/// <summary>A device identity certificate that chains to the current tenant's CA and is within its validity.</summary>
/// <param name="Der">The certificate as the device presented it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Der"/>: how enrollments name the certificate bound to them.</param>
public sealed record DeviceCertificate(byte[] Der, string Sha256)
{
    public static string Sha256Of(ReadOnlySpan<byte> der) => Convert.ToHexStringLower(SHA256.HashData(der));
}
