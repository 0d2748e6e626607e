using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Plist.Bench;

/// <summary>A device's reply to InstalledApplicationList, the largest plist an MDM server routinely reads.</summary>
internal static class InstalledApplicationList
{
    /// <summary>Builds a reply with enough apps that its XML form is at least <paramref name="xmlBytes"/> long.</summary>
    public static PlistDictionary WithXmlSize(int xmlBytes)
    {
        var envelope = PlistWriter.WriteXml(Reply(0)).Length;
        var count = (xmlBytes - envelope) / (PlistWriter.WriteXml(Reply(1)).Length - envelope);
        while (PlistWriter.WriteXml(Reply(count)).Length < xmlBytes)
        {
            count++;
        }

        return Reply(count);
    }

    private static PlistDictionary Reply(int appCount) => new()
    {
        { "CommandUUID", "5C5B3F1E-8E63-4C5E-9C38-0D2E3E6A7B11" },
        { "Status", "Acknowledged" },
        { "UDID", "00008030-001A35E22E84802E" },
        { "InstalledApplicationList", new PlistArray(Enumerable.Range(0, appCount).Select(App)) },
    };

    private static PlistValue App(int index)
    {
        var random = new Random(index);
        return new PlistDictionary
        {
            { "Identifier", $"com.vendor{index % 97}.app{index}" },
            { "Name", $"Application Number {index} – Pro" },
            { "ShortVersion", $"{random.Next(1, 20)}.{random.Next(0, 10)}" },
            { "Version", $"{random.Next(100, 99999)}" },
            { "ExternalVersionIdentifier", random.NextInt64(1, 900_000_000) },
            { "DistributorIdentifier", "com.apple.AppStore" },
            { "BundleSize", random.NextInt64(1_000_000, 2_000_000_000) },
            { "DynamicSize", random.NextInt64(0, 500_000_000) },
            { "IsValidated", true },
            { "Installing", false },
            { "AppStoreVendable", index % 3 == 0 },
            { "DeviceBasedVPP", index % 5 == 0 },
            { "BetaApp", false },
            { "AdHocCodeSigned", false },
            { "HasUpdateAvailable", index % 7 == 0 },
            { "DownloadFailed", false },
            { "DownloadWaiting", false },
            { "DownloadPaused", false },
            { "DownloadCancelled", false },
            { "IsAppClip", false },
            { "Source", "AppStore" },
        };
    }
}
