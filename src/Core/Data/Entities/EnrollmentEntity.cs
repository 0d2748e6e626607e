namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// One MDM channel of a device: the device channel, or a user channel (macOS user, Shared iPad user,
/// User Enrollment user). Its channel id is Apple's normalized enrollment id and never changes.
/// </summary>
public sealed class EnrollmentEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>UDID, UDID:UserID, UDID:UserShortName, EnrollmentID or EnrollmentID:EnrollmentUserID.</summary>
    public required string ChannelId { get; set; }

    public EnrollmentKind Kind { get; set; }

    /// <summary>The device channel of a user channel.</summary>
    public Guid? ParentId { get; set; }

    public EnrollmentState State { get; set; }

    public string? Udid { get; set; }

    public string? SerialNumber { get; set; }

    public string? Imei { get; set; }

    public string? Meid { get; set; }

    public string? DeviceName { get; set; }

    public string? Model { get; set; }

    public string? ModelName { get; set; }

    public string? ProductName { get; set; }

    /// <summary>Derived from <see cref="ProductName"/> (or <see cref="Model"/>) whenever either is recorded.</summary>
    public DevicePlatform Platform { get; set; }

    public string? OsVersion { get; set; }

    public string? BuildVersion { get; set; }

    public string? UserId { get; set; }

    public string? UserShortName { get; set; }

    public string? UserLongName { get; set; }

    public string? Topic { get; set; }

    public byte[]? PushToken { get; set; }

    public string? PushMagic { get; set; }

    /// <summary>APNs said the token is no longer valid (410 Unregistered or 400 BadDeviceToken) since then.</summary>
    public DateTime? PushTokenInvalidSince { get; set; }

    public string? ProtectedUnlockToken { get; set; }

    public string? ProtectedBootstrapToken { get; set; }

    /// <summary>The identity certificate bound at Authenticate (or replaced by a SCEP renewal).</summary>
    public byte[]? IdentityCertificateDer { get; set; }

    /// <summary>SHA-256 of <see cref="IdentityCertificateDer"/> (hex), to find the enrollment a certificate belongs to.</summary>
    public string? IdentityCertificateSha256 { get; set; }

    public bool AwaitingConfiguration { get; set; }

    public DateTime AuthenticatedAt { get; set; }

    /// <summary>When the first TokenUpdate completed the enrollment.</summary>
    public DateTime? EnrolledAt { get; set; }

    public DateTime? CheckedOutAt { get; set; }

    public int TokenUpdateCount { get; set; }

    public DateTime? LastSeenAt { get; set; }

    public DateTime? LastPushAt { get; set; }
}

public enum EnrollmentKind
{
    Device = 0,
    UserEnrollmentDevice = 1,
    User = 2,
    SharedIPadUser = 3,
    UserEnrollmentUser = 4,
}

public enum EnrollmentState
{
    /// <summary>Authenticated; the first TokenUpdate has not arrived yet.</summary>
    Pending = 0,
    Enrolled = 1,
    CheckedOut = 2,
}
