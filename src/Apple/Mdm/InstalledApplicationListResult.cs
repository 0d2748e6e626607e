using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>One app as InstalledApplicationList reports it.</summary>
public sealed record InstalledApplication(
    string? Identifier,
    string? Name,
    string? Version,
    string? ShortVersion,
    long? BundleSize,
    long? DynamicSize,
    bool? IsValidated,
    bool? Installing,
    bool? HasUpdateAvailable,
    PlistDictionary Raw);

public sealed record InstalledApplicationListResult(IReadOnlyList<InstalledApplication> Applications)
{
    /// <exception cref="MdmMessageFormatException">InstalledApplicationList is missing or an entry has a wrongly typed value.</exception>
    public static InstalledApplicationListResult Parse(CommandReport report) => new(
        CommandResults.Of(report, "InstalledApplicationList").RequiredDictionaries("InstalledApplicationList").Select(Application).ToArray());

    private static InstalledApplication Application(MessageFields app) => new(
        app.String("Identifier"),
        app.String("Name"),
        app.String("Version"),
        app.String("ShortVersion"),
        app.Integer("BundleSize"),
        app.Integer("DynamicSize"),
        app.Boolean("IsValidated"),
        app.Boolean("Installing"),
        app.Boolean("HasUpdateAvailable"),
        app.Dictionary);
}
