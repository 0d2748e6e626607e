namespace SaaSMdm.Apple.Mdm;

/// <summary>What ScheduleOSUpdate asks the device to do with an update.</summary>
public enum OSUpdateInstallAction
{
    Default,
    DownloadOnly,
    InstallASAP,
    NotifyOnly,
    InstallLater,
    InstallForceRestart,
}

public enum OSUpdatePriority
{
    Low,
    High,
}

/// <summary>One entry of ScheduleOSUpdate's Updates; without a ProductKey or ProductVersion it means "the latest".</summary>
public sealed record OSUpdate(
    OSUpdateInstallAction InstallAction,
    string? ProductKey = null,
    string? ProductVersion = null,
    int? MaxUserDeferrals = null,
    OSUpdatePriority? Priority = null);
