using System.Security.Cryptography;
using System.Text;

namespace SaaSMdm.Contracts.Gateway;

/// <summary>
/// Edge and Core prove to each other that they belong to the same deployment with a shared secret,
/// sent by Edge on every DeviceGateway call and checked by Core in constant time.
/// </summary>
public static class GatewayCredentials
{
    public const string MetadataKey = "x-saasmdm-gateway-key";

    public const int MinimumSecretLength = 32;

    /// <summary>Why <paramref name="secret"/> cannot be used, or null when it can.</summary>
    public static string? Validate(string? secret) =>
        string.IsNullOrEmpty(secret) ? "Gateway:SharedSecret is not set."
        : secret.Length < MinimumSecretLength ? $"Gateway:SharedSecret must be at least {MinimumSecretLength} characters."
        : null;

    public static bool Matches(string expected, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
