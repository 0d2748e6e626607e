namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>A device whose step failed, and why.</summary>
public sealed record DeviceFailure(int Index, string Udid, string Error);
