namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>An OS version and its build, as a device reports them in <c>OSVersion</c> and <c>BuildVersion</c>.</summary>
public sealed record OperatingSystemRelease(string Version, string Build);
