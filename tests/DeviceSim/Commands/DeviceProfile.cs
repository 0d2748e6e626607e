using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>A configuration profile installed on the device, as ProfileList reports it.</summary>
/// <param name="IsManaged">Installed by the MDM server (InstallProfile) rather than by the user.</param>
/// <param name="SignerCertificates">DER certificates of the profile's signer, when it was signed.</param>
public sealed record DeviceProfile(
    string Identifier,
    string Uuid,
    string? DisplayName,
    string? Organization,
    string? Description,
    long Version,
    bool IsManaged,
    bool RemovalDisallowed,
    IReadOnlyList<ProfilePayloadSummary> Payloads,
    IReadOnlyList<byte[]> SignerCertificates)
{
    /// <exception cref="PlistTypeException">A required profile key is missing or wrongly typed.</exception>
    public static DeviceProfile FromPlist(PlistDictionary profile, bool isManaged, IEnumerable<X509Certificate2> signers)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var payloads = profile.TryGetArray("PayloadContent", out var content)
            ? content.Elements<PlistDictionary>().Select(ProfilePayloadSummary.FromPlist).ToArray()
            : [];
        return new DeviceProfile(
            profile.GetString("PayloadIdentifier"),
            profile.GetString("PayloadUUID"),
            Optional(profile, "PayloadDisplayName"),
            Optional(profile, "PayloadOrganization"),
            Optional(profile, "PayloadDescription"),
            profile.TryGetInteger("PayloadVersion", out var version) ? version : 1,
            isManaged,
            profile.TryGetBoolean("PayloadRemovalDisallowed", out var disallowed) && disallowed,
            payloads,
            signers.Select(signer => signer.RawData).ToArray());
    }

    public PlistDictionary ToProfileListItem()
    {
        var item = new PlistDictionary()
            .Add("PayloadIdentifier", Identifier)
            .Add("PayloadUUID", Uuid)
            .Add("PayloadVersion", Version);
        AddIfPresent(item, "PayloadDisplayName", DisplayName);
        AddIfPresent(item, "PayloadOrganization", Organization);
        AddIfPresent(item, "PayloadDescription", Description);
        item.Add("PayloadRemovalDisallowed", RemovalDisallowed)
            .Add("HasRemovalPasscode", false)
            .Add("IsEncrypted", false)
            .Add("IsManaged", IsManaged);
        if (SignerCertificates.Count > 0)
        {
            item.Add("SignerCertificates", new PlistArray(SignerCertificates.Select(certificate => (PlistValue)new PlistData(certificate))));
        }

        return item.Add("PayloadContent", new PlistArray(Payloads.Select(payload => (PlistValue)payload.ToPlist())));
    }

    internal static string? Optional(PlistDictionary dictionary, string key) => dictionary.TryGetString(key, out var value) ? value : null;

    internal static void AddIfPresent(PlistDictionary dictionary, string key, string? value)
    {
        if (value is not null)
        {
            dictionary.Add(key, value);
        }
    }
}
