using System.Collections.Frozen;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>
/// The commands <c>commands:write</c> allows: questions a device answers, and locking, restarting or shutting it down.
/// Every other command changes or removes what is on the device (profiles, apps, passwords, settings, its data) and
/// also needs <c>commands:destructive</c>. An allow-list, so a command Apple adds later is not everyday by accident.
/// </summary>
public static class EverydayCommands
{
    public static FrozenSet<string> RequestTypes { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "DeviceInformation",
        "SecurityInfo",
        "ProfileList",
        "ProvisioningProfileList",
        "CertificateList",
        "InstalledApplicationList",
        "ManagedApplicationList",
        "ManagedApplicationAttributes",
        "ManagedMediaList",
        "ActiveNSExtensions",
        "NSExtensionMappings",
        "Restrictions",
        "ContentCachingInformation",
        "AvailableOSUpdates",
        "OSUpdateStatus",
        "ScheduleOSUpdateScan",
        "UserList",
        "DeviceLocation",
        "PlayLostModeSound",
        "StopMirroring",
        "DeviceLock",
        "RestartDevice",
        "ShutDownDevice");
}
