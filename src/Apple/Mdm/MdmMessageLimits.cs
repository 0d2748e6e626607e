using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// The bounds every reader of device messages (check-ins, command reports and results) applies, so that Edge,
/// which checks a message first, and Core, which stores it, accept exactly the same messages.
/// </summary>
public static class MdmMessageLimits
{
    /// <summary>The largest message body any component accepts, in bytes; Edge may be configured tighter, never looser.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The longest identity key (UDID, EnrollmentID, UserID, EnrollmentUserID, UserShortName) and CommandUUID.
    /// Real ones are UUIDs, hex serials or account names; two keys and a separator make a channel id, which stays
    /// within <see cref="MaxChannelIdLength"/>.
    /// </summary>
    public const int MaxIdentifierLength = 255;

    /// <summary>The longest channel id a parsed message can produce: two identifiers joined by a colon.</summary>
    public const int MaxChannelIdLength = (2 * MaxIdentifierLength) + 1;

    /// <summary>The longest free-text value kept from a message (device name, model, OS version, topic, user's full name).</summary>
    public const int MaxTextLength = 256;

    /// <summary>
    /// Plist limits for device messages, far tighter than the reader's defaults: Apple's deepest results (profile
    /// lists with nested payloads) stay well within them.
    /// </summary>
    public static PlistReaderOptions ReaderOptions { get; } = new()
    {
        MaxInputBytes = MaxMessageBytes,
        MaxDepth = 32,
        MaxObjects = 100_000,
    };
}
