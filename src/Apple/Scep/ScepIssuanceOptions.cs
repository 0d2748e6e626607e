using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Scep;

/// <summary>What certificates a <see cref="ScepServer"/> issues. The subject is always the CSR's; no CA flag is ever set.</summary>
public sealed class ScepIssuanceOptions
{
    public TimeSpan Validity { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How far before "now" validity starts, so that a device whose clock lags still accepts the certificate.</summary>
    public TimeSpan Backdate { get; init; } = TimeSpan.FromMinutes(5);

    public X509KeyUsageFlags KeyUsage { get; init; } = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment;

    /// <summary>Extended key usage OIDs; TLS client authentication by default.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [ScepOids.ClientAuthentication];

    /// <summary>Produces each serial number: big-endian, positive, at most 20 bytes, unique under the CA.</summary>
    public Func<byte[]> SerialNumberFactory { get; init; } = RandomSerialNumber;

    /// <summary>128 random bits with the top bit cleared (positive) and the next one set (no leading zero byte).</summary>
    public static byte[] RandomSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }
}
