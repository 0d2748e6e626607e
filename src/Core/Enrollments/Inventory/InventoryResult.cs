using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Core.Enrollments.Inventory;

/// <summary>What an inventory command reported, under the key Apple names it by (QueryResponses, SecurityInfo, ProfileList, ...).</summary>
/// <param name="DeviceInformation">Set for DeviceInformation, whose answers also update the device's facts.</param>
public sealed record InventoryResult(string Key, PlistValue Value, DeviceInformationResult? DeviceInformation = null)
{
    private static readonly Dictionary<string, Func<CommandReport, InventoryResult>> Readers = new(StringComparer.Ordinal)
    {
        ["DeviceInformation"] = report =>
        {
            var information = DeviceInformationResult.Parse(report);
            return new InventoryResult("QueryResponses", information.QueryResponses, information);
        },
        ["SecurityInfo"] = report => new InventoryResult("SecurityInfo", SecurityInfoResult.Parse(report).SecurityInfo),
        ["ProfileList"] = report => Checked(report, "ProfileList", ProfileListResult.Parse),
        ["InstalledApplicationList"] = report => Checked(report, "InstalledApplicationList", InstalledApplicationListResult.Parse),
        ["CertificateList"] = report => Checked(report, "CertificateList", CertificateListResult.Parse),
    };

    public static bool IsInventory(string requestType) => Readers.ContainsKey(requestType);

    /// <summary>Reads an acknowledged report of an inventory command with Apple's result reader for its RequestType.</summary>
    /// <exception cref="MdmMessageFormatException">the result is not shaped as Apple defines it.</exception>
    public static InventoryResult Read(string requestType, CommandReport report) => Readers[requestType](report);

    /// <summary>The list as the device sent it, once the typed reader accepted every entry.</summary>
    private static InventoryResult Checked<T>(CommandReport report, string key, Func<CommandReport, T> parse)
    {
        parse(report);
        return new InventoryResult(key, report.Raw[key]);
    }
}
