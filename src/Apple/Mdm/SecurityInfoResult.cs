using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>The commonly used parts of SecurityInfo; <see cref="SecurityInfo"/> holds all of it.</summary>
public sealed record SecurityInfoResult(
    PlistDictionary SecurityInfo,
    long? HardwareEncryptionCaps,
    bool? PasscodePresent,
    bool? PasscodeCompliant,
    bool? PasscodeCompliantWithProfiles,
    bool? FileVaultEnabled,
    bool? SystemIntegrityProtectionEnabled,
    bool? EnrolledViaDep,
    bool? UserApprovedEnrollment,
    bool? IsUserEnrollment,
    bool? IsRecoveryLockEnabled)
{
    /// <exception cref="MdmMessageFormatException">SecurityInfo is missing or a value has the wrong type.</exception>
    public static SecurityInfoResult Parse(CommandReport report)
    {
        var info = CommandResults.Of(report, "SecurityInfo").RequiredDictionary("SecurityInfo");
        var management = info.Nested("ManagementStatus");
        return new SecurityInfoResult(
            info.Dictionary,
            info.Integer("HardwareEncryptionCaps"),
            info.Boolean("PasscodePresent"),
            info.Boolean("PasscodeCompliant"),
            info.Boolean("PasscodeCompliantWithProfiles"),
            info.Boolean("FDE_Enabled"),
            info.Boolean("SystemIntegrityProtectionEnabled"),
            management?.Boolean("EnrolledViaDEP"),
            management?.Boolean("UserApprovedEnrollment"),
            management?.Boolean("IsUserEnrollment"),
            info.Boolean("IsRecoveryLockEnabled"));
    }
}
