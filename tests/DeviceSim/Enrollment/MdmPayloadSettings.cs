namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>The <c>com.apple.mdm</c> payload of the enrollment profile, as the device uses it.</summary>
/// <param name="CheckInUrl">Where check-ins go; the server URL when the profile names none.</param>
public sealed record MdmPayloadSettings(
    Uri ServerUrl,
    Uri CheckInUrl,
    string Topic,
    string IdentityCertificateUuid,
    bool SignMessage,
    bool CheckOutWhenRemoved,
    long AccessRights,
    IReadOnlyList<string> ServerCapabilities);
