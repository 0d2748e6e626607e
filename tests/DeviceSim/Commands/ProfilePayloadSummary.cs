using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>One payload of an installed profile, with the keys ProfileList reports (never the payload's content).</summary>
public sealed record ProfilePayloadSummary(
    string Type, long Version, string Identifier, string Uuid, string? DisplayName, string? Description, string? Organization)
{
    public static ProfilePayloadSummary FromPlist(PlistDictionary payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new ProfilePayloadSummary(
            payload.GetString("PayloadType"),
            payload.TryGetInteger("PayloadVersion", out var version) ? version : 1,
            payload.GetString("PayloadIdentifier"),
            payload.GetString("PayloadUUID"),
            DeviceProfile.Optional(payload, "PayloadDisplayName"),
            DeviceProfile.Optional(payload, "PayloadDescription"),
            DeviceProfile.Optional(payload, "PayloadOrganization"));
    }

    public PlistDictionary ToPlist()
    {
        var item = new PlistDictionary()
            .Add("PayloadType", Type)
            .Add("PayloadVersion", Version)
            .Add("PayloadIdentifier", Identifier)
            .Add("PayloadUUID", Uuid);
        DeviceProfile.AddIfPresent(item, "PayloadDisplayName", DisplayName);
        DeviceProfile.AddIfPresent(item, "PayloadDescription", Description);
        DeviceProfile.AddIfPresent(item, "PayloadOrganization", Organization);
        return item;
    }
}
