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

    /// <summary>Longer than anything a real device reports; the sortable facts are indexed, and an index entry must stay small.</summary>
    public const int MaxFactLength = 256;

    /// <summary>
    /// Only what was said: a DeviceInformation that did not ask for a fact, or a User Enrollment that hides hardware
    /// identifiers, leaves the fact as it was.
    /// </summary>
    public void ApplyTo(EnrollmentEntity device)
    {
        device.DeviceName = Bounded(DeviceName) ?? device.DeviceName;
        device.Model = Bounded(Model) ?? device.Model;
        device.ModelName = Bounded(ModelName) ?? device.ModelName;
        device.ProductName = Bounded(ProductName) ?? device.ProductName;
        device.Platform = DevicePlatforms.From(device.ProductName, device.Model);
        device.OsVersion = Bounded(OsVersion) ?? device.OsVersion;
        device.BuildVersion = Bounded(BuildVersion) ?? device.BuildVersion;
        device.SerialNumber = Bounded(SerialNumber) ?? device.SerialNumber;
        device.Imei = Bounded(Imei) ?? device.Imei;
        device.Meid = Bounded(Meid) ?? device.Meid;
    }

    private static string? Bounded(string? fact) => fact is { Length: > MaxFactLength } ? fact[..MaxFactLength] : fact;
}
