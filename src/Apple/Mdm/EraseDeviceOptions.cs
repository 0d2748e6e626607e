namespace SaaSMdm.Apple.Mdm;

/// <summary>macOS 12+: whether an erase may fall back to obliteration when it cannot erase cryptographically.</summary>
public enum ObliterationBehavior
{
    Default,
    DoNotObliterate,
    ObliterateWithWarning,
    Always,
}

/// <summary>Return to Service (iOS 17+): after the erase the device rejoins Wi-Fi and re-enrolls by itself.</summary>
/// <param name="WiFiProfileData">A profile with the Wi-Fi payload to join.</param>
/// <param name="MdmProfileData">The enrollment profile, for devices not enrolled through ADE.</param>
public sealed record ReturnToService(bool Enabled, ReadOnlyMemory<byte>? WiFiProfileData = null, ReadOnlyMemory<byte>? MdmProfileData = null);

/// <summary>The optional parts of EraseDevice.</summary>
/// <param name="Pin">The six-character Find My PIN macOS requires on Intel Macs without a T2 chip.</param>
public sealed record EraseDeviceOptions(
    string? Pin = null,
    bool PreserveDataPlan = false,
    bool DisallowProximitySetup = false,
    ObliterationBehavior? ObliterationBehavior = null,
    ReturnToService? ReturnToService = null);
