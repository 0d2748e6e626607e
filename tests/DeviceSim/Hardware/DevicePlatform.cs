namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>The kind of Apple device simulated; it decides the hardware, the OS and which keys the device reports.</summary>
public enum DevicePlatform
{
    IPhone,
    IPad,
    Mac,
}
