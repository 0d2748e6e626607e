using SaaSMdm.Apple.Plist;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Command reports as a device sends them to the server URL.</summary>
public static class DeviceReports
{
    public static byte[] Acknowledged(EnrollmentEntity device, string commandUuid, Action<PlistDictionary>? results = null)
    {
        var report = Report(device, commandUuid, "Acknowledged");
        results?.Invoke(report);
        return PlistWriter.WriteXml(report);
    }

    public static byte[] Error(EnrollmentEntity device, string commandUuid, long code, string domain, string description) =>
        PlistWriter.WriteXml(Report(device, commandUuid, "Error").Add("ErrorChain", new PlistArray
        {
            new PlistDictionary()
                .Add("ErrorCode", code)
                .Add("ErrorDomain", domain)
                .Add("LocalizedDescription", description)
                .Add("USEnglishDescription", description),
        }));

    private static PlistDictionary Report(EnrollmentEntity device, string commandUuid, string status) =>
        new PlistDictionary().Add("UDID", device.Udid!).Add("CommandUUID", commandUuid).Add("Status", status);
}
