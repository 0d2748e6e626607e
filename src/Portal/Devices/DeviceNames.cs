using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>What to call a device: its name, else its serial number, else its enrollment id (User Enrollment has neither).</summary>
public static class DeviceNames
{
    public static string Of(Device device) =>
        device.DeviceName.Length > 0 ? device.DeviceName : device.SerialNumber.Length > 0 ? device.SerialNumber : device.EnrollmentId;

    /// <summary>The typed confirmation of an erase names the device: its name or its serial number, ignoring case and spaces around.</summary>
    public static bool ConfirmsErase(Device device, string? typed)
    {
        var text = typed?.Trim() ?? "";
        return text.Length > 0
            && (string.Equals(text, device.DeviceName, StringComparison.OrdinalIgnoreCase) || string.Equals(text, device.SerialNumber, StringComparison.OrdinalIgnoreCase));
    }
}
