using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// The identity keys every check-in and command report carries. Which ones are present tells the channel
/// apart: a device sends UDID (or, under User Enrollment, EnrollmentID); a user channel adds UserID,
/// EnrollmentUserID or UserShortName.
/// </summary>
public sealed record EnrollmentIdentity(
    string? Udid = null,
    string? EnrollmentId = null,
    string? UserId = null,
    string? EnrollmentUserId = null,
    string? UserShortName = null,
    string? UserLongName = null)
{
    /// <summary>The identity keys of a message; other keys are ignored.</summary>
    /// <exception cref="MdmMessageFormatException">
    /// An identity key holds something other than a string, is longer than <see cref="MdmMessageLimits.MaxIdentifierLength"/>
    /// (UserLongName: <see cref="MdmMessageLimits.MaxTextLength"/>) or holds a control character, or UDID or EnrollmentID holds a colon.
    /// </exception>
    public static EnrollmentIdentity From(PlistDictionary message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return From(new MessageFields(message));
    }

    /// <summary>The channel these keys address; see <see cref="EnrollmentChannel.From"/>.</summary>
    public EnrollmentChannel Channel => EnrollmentChannel.From(this);

    internal static EnrollmentIdentity From(MessageFields message) => new(
        NonEmpty(DeviceKey(message, "UDID")),
        NonEmpty(DeviceKey(message, "EnrollmentID")),
        NonEmpty(message.Identifier("UserID")),
        NonEmpty(message.Identifier("EnrollmentUserID")),
        NonEmpty(message.Identifier("UserShortName")),
        NonEmpty(message.Text("UserLongName")));

    /// <summary>
    /// A device's own key. A colon in it would let one device's channel id read as another device's user channel
    /// (<c>UDID:UserID</c>); real UDIDs and EnrollmentIDs never have one.
    /// </summary>
    private static string? DeviceKey(MessageFields message, string key)
    {
        var value = message.Identifier(key);
        return value is not null && value.Contains(':', StringComparison.Ordinal)
            ? throw new MdmMessageFormatException("must not contain ':'", message.PathOf(key))
            : value;
    }

    /// <summary>Devices are known to send empty strings for keys that do not apply.</summary>
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
