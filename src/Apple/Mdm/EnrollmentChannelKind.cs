namespace SaaSMdm.Apple.Mdm;

public enum EnrollmentChannelKind
{
    /// <summary>A device enrolled through ADE or a profile: identified by UDID.</summary>
    Device,

    /// <summary>A macOS user's channel: <c>UDID:UserID</c>.</summary>
    User,

    /// <summary>A Shared iPad user (UserID is all Fs): <c>UDID:UserShortName</c>.</summary>
    SharedIPadUser,

    /// <summary>User Enrollment, device channel: identified by EnrollmentID only.</summary>
    UserEnrollmentDevice,

    /// <summary>User Enrollment, user channel: <c>EnrollmentID:EnrollmentUserID</c>.</summary>
    UserEnrollmentUser,
}
