namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// The update an active <c>softwareupdate.enforcement.specific</c> configuration asks for, and how far the device
/// got: it downloads on the sync that brings the configuration and is prepared (waiting for the deadline) from the next.
/// </summary>
/// <param name="TargetLocalDateTime">The deadline in device-local time, as the declaration gives it.</param>
/// <param name="InstallState">A <c>softwareupdate.install-state</c> value.</param>
public sealed record SoftwareUpdateEnforcement(
    string DeclarationIdentifier, string TargetOSVersion, string? TargetBuildVersion, string TargetLocalDateTime, string InstallState);
