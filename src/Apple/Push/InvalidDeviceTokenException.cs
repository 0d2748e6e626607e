namespace SaaSMdm.Apple.Push;

/// <summary>A device token that cannot be sent to APNs.</summary>
public sealed class InvalidDeviceTokenException : FormatException
{
    public InvalidDeviceTokenException(string message, int? position = null)
        : base(message) => Position = position;

    /// <summary>Index of the offending character in the hex text, where one is to blame.</summary>
    public int? Position { get; }
}
