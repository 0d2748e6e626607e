using System.Text;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Protocol;

/// <summary>What a device PUTs to the server URL: Idle to ask for work, or the status and result of a command.</summary>
public static class CommandReports
{
    public static PlistDictionary Idle(DeviceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new PlistDictionary().Add("Status", "Idle").Add("UDID", facts.Udid);
    }

    public static PlistDictionary For(DeviceFacts facts, string commandUuid, CommandResponse response)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(response);
        var report = new PlistDictionary()
            .Add("CommandUUID", commandUuid)
            .Add("Status", response.Status.ToString())
            .Add("UDID", facts.Udid);
        foreach (var (key, value) in response.Keys)
        {
            report.Add(key, value);
        }

        return report;
    }

    /// <summary>The body of a broken report about <paramref name="commandUuid"/>, for testing a server's defences.</summary>
    public static byte[] Malformed(MalformedReport kind, DeviceFacts facts, string commandUuid)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return kind switch
        {
            MalformedReport.NotAPlist => Encoding.UTF8.GetBytes($"<plist><dict><key>CommandUUID</key><string>{commandUuid}</string>"),
            MalformedReport.MissingStatus => PlistWriter.WriteXml(new PlistDictionary().Add("CommandUUID", commandUuid).Add("UDID", facts.Udid)),
            MalformedReport.UnknownStatus => PlistWriter.WriteXml(new PlistDictionary()
                .Add("CommandUUID", commandUuid).Add("Status", "Maybe").Add("UDID", facts.Udid)),
            MalformedReport.NotADictionary => PlistWriter.WriteXml(new PlistArray { commandUuid, CommandStatus.Acknowledged.ToString() }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of malformed report."),
        };
    }
}
