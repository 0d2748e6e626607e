using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Size bounds for the secrets devices escrow (unlock and bootstrap tokens). Real ones are a few KiB at most; the
/// bound keeps a hostile device from filling rows with megabytes of encrypted junk.
/// </summary>
public static class DeviceSecretLimits
{
    public const int MaxBytes = 64 * 1024;

    /// <exception cref="InvalidArgumentException">the secret is larger than <see cref="MaxBytes"/>.</exception>
    public static ReadOnlyMemory<byte> EnsureWithin(ReadOnlyMemory<byte> secret, string name) =>
        secret.Length <= MaxBytes ? secret : throw new InvalidArgumentException($"{name} has {secret.Length} bytes; at most {MaxBytes} are accepted.");
}
