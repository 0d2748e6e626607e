using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments;

/// <summary>What a device says about itself, at Authenticate or in DeviceInformation answers.</summary>
public sealed record DeviceFacts(
    string? DeviceName,
    string? Model,
    string? ModelName,
    string? ProductName,
    string? OsVersion,
    string? BuildVersion,
    string? SerialNumber,
    string? Imei,
    string? Meid)
{
    public static DeviceFacts From(AuthenticateCheckIn message) => new(
        message.DeviceName, message.Model, message.ModelName, message.ProductName, message.OSVersion, message.BuildVersion,
        message.SerialNumber, message.Imei, message.Meid);

    public static DeviceFacts From(DeviceInformationResult answers) => new(
        answers.DeviceName, answers.Model, answers.ModelName, answers.ProductName, answers.OSVersion, answers.BuildVersion,
        answers.SerialNumber, answers.Imei, answers.Meid);

    /// <summary>
    /// Only what was said: a DeviceInformation that did not ask for a fact, or a User Enrollment that hides hardware
    /// identifiers, leaves the fact as it was.
    /// </summary>
    public void ApplyTo(EnrollmentEntity device)
    {
        device.DeviceName = DeviceName ?? device.DeviceName;
        device.Model = Model ?? device.Model;
        device.ModelName = ModelName ?? device.ModelName;
        device.ProductName = ProductName ?? device.ProductName;
        device.OsVersion = OsVersion ?? device.OsVersion;
        device.BuildVersion = BuildVersion ?? device.BuildVersion;
        device.SerialNumber = SerialNumber ?? device.SerialNumber;
        device.Imei = Imei ?? device.Imei;
        device.Meid = Meid ?? device.Meid;
    }
}
