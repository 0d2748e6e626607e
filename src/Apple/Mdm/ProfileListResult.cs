using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>One profile installed on the device, as ProfileList reports it.</summary>
/// <param name="PayloadTypes">The PayloadType of each payload inside the profile.</param>
public sealed record InstalledProfile(
    string PayloadIdentifier,
    string PayloadUuid,
    string? PayloadDisplayName,
    string? PayloadOrganization,
    long? PayloadVersion,
    bool IsManaged,
    bool IsEncrypted,
    bool HasRemovalPasscode,
    bool PayloadRemovalDisallowed,
    IReadOnlyList<string> PayloadTypes,
    PlistDictionary Raw);

public sealed record ProfileListResult(IReadOnlyList<InstalledProfile> Profiles)
{
    /// <exception cref="MdmMessageFormatException">ProfileList is missing, or a profile lacks its identifier or UUID or has a wrongly typed value.</exception>
    public static ProfileListResult Parse(CommandReport report) => new(
        CommandResults.Of(report, "ProfileList").RequiredDictionaries("ProfileList").Select(Profile).ToArray());

    private static InstalledProfile Profile(MessageFields profile) => new(
        profile.RequiredString("PayloadIdentifier"),
        profile.RequiredString("PayloadUUID"),
        profile.String("PayloadDisplayName"),
        profile.String("PayloadOrganization"),
        profile.Integer("PayloadVersion"),
        profile.Boolean("IsManaged") ?? false,
        profile.Boolean("IsEncrypted") ?? false,
        profile.Boolean("HasRemovalPasscode") ?? false,
        profile.Boolean("PayloadRemovalDisallowed") ?? false,
        profile.Dictionaries("PayloadContent").Select(payload => payload.String("PayloadType")).OfType<string>().ToArray(),
        profile.Dictionary);
}
