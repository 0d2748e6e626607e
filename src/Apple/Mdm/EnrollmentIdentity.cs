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
    /// <exception cref="MdmMessageFormatException">An identity key holds something other than a string.</exception>
    public static EnrollmentIdentity From(PlistDictionary message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return From(new MessageFields(message));
    }

    /// <summary>The channel these keys address; see <see cref="EnrollmentChannel.From"/>.</summary>
    public EnrollmentChannel Channel => EnrollmentChannel.From(this);

    internal static EnrollmentIdentity From(MessageFields message) => new(
        NonEmpty(message.String("UDID")),
        NonEmpty(message.String("EnrollmentID")),
        NonEmpty(message.String("UserID")),
        NonEmpty(message.String("EnrollmentUserID")),
        NonEmpty(message.String("UserShortName")),
        NonEmpty(message.String("UserLongName")));

    /// <summary>Devices are known to send empty strings for keys that do not apply.</summary>
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
