using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Declarative;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>
/// What commands read and change on one device: its facts, profiles, apps, certificates and settings, and what
/// it was told to do. A device answers one command at a time, so no locking is needed.
/// </summary>
public sealed class DeviceState(DeviceFacts facts)
{
    public DeviceFacts Facts { get; private set; } = facts;

    public DevicePlatform Platform => Facts.Platform;

    public List<DeviceProfile> Profiles { get; } = [];

    public List<DeviceApplication> Applications { get; } = [.. ApplicationCatalog.For(facts.Platform)];

    public List<DeviceCertificate> Certificates { get; } = [];

    /// <summary>The device channel's APNs token, which DeviceInformation's PushToken query reports.</summary>
    public byte[]? PushToken { get; set; }

    public bool BluetoothEnabled { get; set; } = true;

    public bool DataRoamingEnabled { get; set; }

    public bool VoiceRoamingEnabled { get; set; } = true;

    public bool PersonalHotspotEnabled { get; set; }

    /// <summary>macOS only; follows the device name until a Settings command sets it.</summary>
    public string? HostName { get; set; }

    /// <summary>Set by DeviceLock: the message shown on the lock screen, empty when none was given.</summary>
    public string? LockMessage { get; set; }

    public bool IsLocked => LockMessage is not null;

    public bool EraseRequested { get; set; }

    public int RestartCount { get; set; }

    public bool ShutDownRequested { get; set; }

    /// <summary>Updates accepted by ScheduleOSUpdate: product key and install action.</summary>
    public List<(string ProductKey, string InstallAction)> ScheduledUpdates { get; } = [];

    public int DeclarativeManagementSyncs { get; set; }

    /// <summary>The sync the last DeclarativeManagement command asked for, run once the command loop ends.</summary>
    public DeclarativeSyncRequest? PendingDeclarativeSync { get; set; }

    public void Rename(string deviceName) => Facts = Facts with { DeviceName = deviceName };

    /// <summary>The MDM profile and its certificates after enrollment: the identity (with key) and the profile's roots.</summary>
    public void Enrolled(PlistDictionary profile, X509Certificate2 profileSigner, X509Certificate2 identity, IEnumerable<X509Certificate2> roots)
    {
        Profiles.RemoveAll(installed => installed.Identifier == profile.GetString("PayloadIdentifier"));
        Profiles.Insert(0, DeviceProfile.FromPlist(profile, isManaged: false, [profileSigner]));
        ReplaceIdentity(identity);
        foreach (var root in roots)
        {
            Certificates.Add(new DeviceCertificate(CommonName(root), IsIdentity: false, root.RawData));
        }
    }

    public void ReplaceIdentity(X509Certificate2 identity)
    {
        Certificates.RemoveAll(certificate => certificate.IsIdentity);
        Certificates.Insert(0, new DeviceCertificate(CommonName(identity), IsIdentity: true, identity.RawData));
    }

    private static string CommonName(X509Certificate2 certificate) =>
        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } name ? name : certificate.Subject;
}
