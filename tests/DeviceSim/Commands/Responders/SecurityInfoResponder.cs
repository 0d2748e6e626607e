using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// A healthy device's security state: passcode set and compliant on iPhone and iPad; FileVault, firewall, SIP and
/// secure boot on a Mac. The device was enrolled by profile (not Automated Device Enrollment) and the user approved it.
/// </summary>
public sealed class SecurityInfoResponder : ICommandResponder
{
    public string RequestType => "SecurityInfo";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var info = device.Facts.IsMac ? MacInfo(device) : MobileInfo();
        return CommandResponse.Acknowledged(new PlistDictionary().Add("SecurityInfo", info));
    }

    private static PlistDictionary MobileInfo() => new PlistDictionary()
        .Add("HardwareEncryptionCaps", 3)
        .Add("PasscodePresent", true)
        .Add("PasscodeCompliant", true)
        .Add("PasscodeCompliantWithProfiles", true)
        .Add("PasscodeLockGracePeriodEnforced", 0)
        .Add("ManagementStatus", new PlistDictionary().Add("IsUserEnrollment", false));

    private static PlistDictionary MacInfo(DeviceState device)
    {
        var appleSilicon = device.Facts.Model.IsAppleSilicon;
        var info = new PlistDictionary()
            .Add("FDE_Enabled", true)
            .Add("FDE_HasPersonalRecoveryKey", true)
            .Add("FDE_HasInstitutionalRecoveryKey", false)
            .Add("SystemIntegrityProtectionEnabled", true)
            .Add("FirewallSettings", new PlistDictionary()
                .Add("FirewallEnabled", true)
                .Add("BlockAllIncoming", false)
                .Add("StealthMode", false)
                .Add("Applications", new PlistArray()))
            .Add("ManagementStatus", new PlistDictionary()
                .Add("EnrolledViaDEP", false)
                .Add("UserApprovedEnrollment", true)
                .Add("IsUserEnrollment", false)
                .Add("IsActivationLockManageable", false))
            .Add("RemoteDesktopEnabled", false)
            .Add("AuthenticatedRootVolumeEnabled", true)
            .Add("BootstrapTokenAllowedForAuthentication", appleSilicon ? "allowed" : "not supported")
            .Add("BootstrapTokenRequiredForSoftwareUpdate", false)
            .Add("BootstrapTokenRequiredForKernelExtensionApproval", false);
        if (appleSilicon)
        {
            info.Add("SecureBoot", new PlistDictionary()
                    .Add("SecureBootLevel", "full")
                    .Add("ExternalBootLevel", "not supported")
                    .Add("ReducedSecurity", new PlistArray()))
                .Add("IsRecoveryLockEnabled", false);
        }
        else
        {
            info.Add("FirmwarePasswordStatus", new PlistDictionary()
                .Add("PasswordExists", false)
                .Add("ChangePending", false)
                .Add("AllowOroms", true));
        }

        return info;
    }
}
