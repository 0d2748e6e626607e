namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// The stable identifier of one MDM channel: the key for its command queue, push token and certificate.
/// User channels name their device channel as <see cref="ParentId"/>.
/// </summary>
public sealed record EnrollmentChannel(string Id, EnrollmentChannelKind Kind, string? ParentId)
{
    /// <summary>The UserID a Shared iPad sends for its users, which therefore do not tell users apart.</summary>
    public const string SharedIPadUserId = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF";

    /// <summary>
    /// Normalizes identity keys into a channel: UDID, <c>UDID:UserID</c>, <c>UDID:UserShortName</c> for Shared
    /// iPad users, EnrollmentID, or <c>EnrollmentID:EnrollmentUserID</c>. UDID wins over EnrollmentID because
    /// User Enrollment never sends a UDID.
    /// </summary>
    /// <exception cref="MdmMessageFormatException">The keys name no device, or a Shared iPad user without a short name.</exception>
    public static EnrollmentChannel From(EnrollmentIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Udid is { } udid)
        {
            if (identity.UserId is not { } userId)
            {
                return new EnrollmentChannel(udid, EnrollmentChannelKind.Device, null);
            }

            if (!string.Equals(userId, SharedIPadUserId, StringComparison.OrdinalIgnoreCase))
            {
                return new EnrollmentChannel($"{udid}:{userId}", EnrollmentChannelKind.User, udid);
            }

            var shortName = identity.UserShortName
                ?? throw new MdmMessageFormatException("a Shared iPad user needs a UserShortName", "UserShortName");
            return new EnrollmentChannel($"{udid}:{shortName}", EnrollmentChannelKind.SharedIPadUser, udid);
        }

        if (identity.EnrollmentId is { } enrollmentId)
        {
            return identity.EnrollmentUserId is { } enrollmentUserId
                ? new EnrollmentChannel($"{enrollmentId}:{enrollmentUserId}", EnrollmentChannelKind.UserEnrollmentUser, enrollmentId)
                : new EnrollmentChannel(enrollmentId, EnrollmentChannelKind.UserEnrollmentDevice, null);
        }

        throw new MdmMessageFormatException("the message carries neither UDID nor EnrollmentID");
    }
}
