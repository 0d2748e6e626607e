namespace SaaSMdm.Apple.Push;

/// <summary>
/// An APNs device token, kept as lowercase hex because that is how APNs wants it in the request path.
/// Devices send the raw bytes (TokenUpdate <c>Token</c>); stores and APIs often carry hex.
/// </summary>
public readonly record struct DeviceToken
{
    /// <summary>Fewest bytes accepted; today's tokens are 32 bytes, Apple warns the size may change.</summary>
    public const int MinLength = 8;

    /// <summary>Most bytes accepted; keeps hostile input from turning into huge request paths.</summary>
    public const int MaxLength = 100;

    private readonly string? _hex;

    private DeviceToken(string hex) => _hex = hex;

    /// <summary>Lowercase hex, two characters per byte.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("The device token is the default value, not a parsed token.");

    /// <summary>Takes the raw token bytes a device reported.</summary>
    /// <exception cref="InvalidDeviceTokenException">The length is outside <see cref="MinLength"/>..<see cref="MaxLength"/>.</exception>
    public static DeviceToken FromBytes(ReadOnlySpan<byte> token)
    {
        CheckByteLength(token.Length);
        return new DeviceToken(Convert.ToHexStringLower(token));
    }

    /// <summary>Parses hex (either case).</summary>
    /// <exception cref="InvalidDeviceTokenException">Not hex, odd length, or a length outside the accepted range.</exception>
    public static DeviceToken Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length % 2 != 0)
        {
            throw new InvalidDeviceTokenException($"A hex device token has an even number of characters; got {hex.Length}.");
        }

        CheckByteLength(hex.Length / 2);
        for (var i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiHexDigit(hex[i]))
            {
                throw new InvalidDeviceTokenException($"The device token has a non-hex character at position {i}.", i);
            }
        }

        return new DeviceToken(hex.ToLowerInvariant());
    }

    /// <summary>The token's raw bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(Hex);

    /// <summary>The first and last characters only, for logs: a full token is an address for pushing the device.</summary>
    public string Redacted() => string.Concat(Hex.AsSpan(0, 4), "…", Hex.AsSpan(Hex.Length - 4));

    public override string ToString() => _hex is null ? "(no token)" : Redacted();

    private static void CheckByteLength(int bytes)
    {
        if (bytes is < MinLength or > MaxLength)
        {
            throw new InvalidDeviceTokenException(
                $"A device token has {MinLength} to {MaxLength} bytes; got {bytes}.");
        }
    }
}
