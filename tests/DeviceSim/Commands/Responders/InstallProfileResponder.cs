using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>
/// Installs the profile in Payload (XML or binary plist, or CMS-signed), replacing one with the same identifier.
/// Like a device, it refuses a profile that is malformed, breaks Apple's schema, is encrypted, or carries an MDM
/// payload (a second MDM enrollment cannot be installed by the first).
/// </summary>
public sealed class InstallProfileResponder : ICommandResponder
{
    private const string ProfileErrorDomain = "MCProfileErrorDomain";

    private static readonly ProfilePayloadValidator Validator = new(AppleSchemaCatalog.Default, SchemaValidationOptions.AllowingUnknownKeys);

    public string RequestType => "InstallProfile";

    public CommandResponse Respond(CommandRequest command, DeviceState device)
    {
        var payload = command.Keys.GetData("Payload");
        if (!TryOpen(payload, out var profile, out var signers))
        {
            return Malformed("The profile is not a property list or its signature does not verify.");
        }

        if (profile.GetString("PayloadType") != "Configuration" || profile.ContainsKey("EncryptedPayloadContent"))
        {
            return Malformed("The profile is not an unencrypted configuration profile.");
        }

        if (Validator.ValidateProfile(profile) is { IsValid: false } problems)
        {
            return Malformed($"The profile is not valid: {problems.Errors.First()}");
        }

        var installed = DeviceProfile.FromPlist(profile, isManaged: true, signers);
        if (installed.Payloads.Any(content => content.Type == "com.apple.mdm"))
        {
            return CommandResponse.Error(4001, ProfileErrorDomain, "A profile with an MDM payload cannot be installed through MDM.");
        }

        device.Profiles.RemoveAll(existing => existing.Identifier == installed.Identifier);
        device.Profiles.Add(installed);
        return CommandResponse.Acknowledged();
    }

    private static bool TryOpen(ReadOnlyMemory<byte> payload, out PlistDictionary profile, out X509Certificate2[] signers)
    {
        profile = new PlistDictionary();
        signers = [];
        var content = payload;
        if (IsDerSequence(payload.Span))
        {
            try
            {
                var signed = SignedProfileVerifier.Verify(payload.Span);
                content = signed.Content;
                signers = [signed.Signer];
            }
            catch (CmsSignatureException)
            {
                return false;
            }
        }

        try
        {
            if (PlistReader.Read(content) is not PlistDictionary dictionary)
            {
                return false;
            }

            profile = dictionary;
            return true;
        }
        catch (PlistFormatException)
        {
            return false;
        }
    }

    /// <summary>A CMS SignedData starts with a DER SEQUENCE tag, which no XML or binary plist does.</summary>
    private static bool IsDerSequence(ReadOnlySpan<byte> data) => data is [0x30, ..];

    private static CommandResponse Malformed(string description) => CommandResponse.Error(1000, ProfileErrorDomain, description);
}
