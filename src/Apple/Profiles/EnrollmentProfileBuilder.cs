using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Profiles;

/// <summary>
/// Builds the MDM enrollment profile: an identity payload (SCEP or PKCS#12), the <c>com.apple.mdm</c> payload
/// naming it, and optional trusted roots. Every payload is checked against Apple's schema before the profile
/// is returned.
/// </summary>
public sealed class EnrollmentProfileBuilder(AppleSchemaCatalog? catalog = null)
{
    private readonly ProfilePayloadValidator _validator = new(catalog);

    /// <exception cref="ArgumentException">The options are inconsistent (access rights).</exception>
    /// <exception cref="SchemaValidationException">A payload breaks Apple's schema (such as a non-https server URL).</exception>
    public EnrollmentProfile Build(EnrollmentProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckAccessRights(options.AccessRights);
        var identity = IdentityPayload(options);
        var identityUuid = identity.GetString("PayloadUUID");
        var content = new PlistArray { identity, MdmPayload(options, identityUuid) };
        var index = 0;
        foreach (var root in options.RootCertificates)
        {
            content.Add(RootPayload(options, root, ++index));
        }

        var profile = new PlistDictionary()
            .Add("PayloadType", "Configuration")
            .Add("PayloadVersion", 1)
            .Add("PayloadIdentifier", options.PayloadIdentifier)
            .Add("PayloadUUID", NewUuid())
            .Add("PayloadDisplayName", options.DisplayName)
            .Add("PayloadContent", content);
        AddIfPresent(profile, "PayloadOrganization", options.Organization);
        AddIfPresent(profile, "PayloadDescription", options.Description);
        if (options.RemovalDisallowed)
        {
            profile.Add("PayloadRemovalDisallowed", true);
        }

        _validator.ValidateProfile(profile).ThrowIfInvalid($"Enrollment profile '{options.PayloadIdentifier}'");
        return new EnrollmentProfile(profile, identityUuid);
    }

    private static PlistDictionary IdentityPayload(EnrollmentProfileOptions options) => options.Identity switch
    {
        ScepIdentityOptions scep => ScepPayload(options, scep),
        Pkcs12IdentityOptions pkcs12 => Pkcs12Payload(options, pkcs12),
        _ => throw new ArgumentException("Unknown identity payload options.", nameof(options)),
    };

    private static PlistDictionary ScepPayload(EnrollmentProfileOptions options, ScepIdentityOptions scep)
    {
        var subject = new PlistArray(scep.Subject.Select(part => (PlistValue)new PlistArray { new PlistArray { part.Type, part.Value } }));
        var content = new PlistDictionary()
            .Add("URL", scep.Url.AbsoluteUri)
            .Add("Challenge", scep.Challenge)
            .Add("Subject", subject)
            .Add("Keysize", scep.KeySize)
            .Add("Key Type", "RSA")
            .Add("Key Usage", scep.KeyUsage);
        AddIfPresent(content, "Name", scep.Name);
        if (scep.CAFingerprint is { } fingerprint)
        {
            content.Add("CAFingerprint", new PlistData(fingerprint));
        }

        if (scep.Retries is { } retries)
        {
            content.Add("Retries", retries);
        }

        if (scep.RetryDelay is { } delay)
        {
            content.Add("RetryDelay", delay);
        }

        return Payload("com.apple.security.scep", $"{options.PayloadIdentifier}.scep", "MDM identity (SCEP)").Add("PayloadContent", content);
    }

    private static PlistDictionary Pkcs12Payload(EnrollmentProfileOptions options, Pkcs12IdentityOptions pkcs12)
    {
        var payload = Payload("com.apple.security.pkcs12", $"{options.PayloadIdentifier}.identity", "MDM identity")
            .Add("PayloadContent", new PlistData(pkcs12.Pkcs12))
            .Add("PayloadCertificateFileName", pkcs12.FileName);
        AddIfPresent(payload, "Password", pkcs12.Password);
        return payload;
    }

    private static PlistDictionary MdmPayload(EnrollmentProfileOptions options, string identityUuid)
    {
        var payload = Payload("com.apple.mdm", $"{options.PayloadIdentifier}.mdm", "Device management")
            .Add("IdentityCertificateUUID", identityUuid)
            .Add("Topic", options.Topic)
            .Add("ServerURL", options.ServerUrl.AbsoluteUri)
            .Add("SignMessage", options.SignMessage)
            .Add("CheckOutWhenRemoved", options.CheckOutWhenRemoved)
            .Add("AccessRights", options.AccessRights)
            .Add("ServerCapabilities", new PlistArray(options.ServerCapabilities.Select(capability => (PlistValue)capability)));
        if (options.CheckInUrl is { } checkIn)
        {
            payload.Add("CheckInURL", checkIn.AbsoluteUri);
        }

        if (options.UseDevelopmentApns)
        {
            payload.Add("UseDevelopmentAPNS", true);
        }

        return payload;
    }

    private static PlistDictionary RootPayload(EnrollmentProfileOptions options, ReadOnlyMemory<byte> certificate, int index) =>
        Payload("com.apple.security.root", $"{options.PayloadIdentifier}.root{index}", $"Trusted root {index}")
            .Add("PayloadContent", new PlistData(certificate))
            .Add("PayloadCertificateFileName", $"root{index}.cer");

    private static PlistDictionary Payload(string type, string identifier, string displayName) => new PlistDictionary()
        .Add("PayloadType", type)
        .Add("PayloadVersion", 1)
        .Add("PayloadIdentifier", identifier)
        .Add("PayloadUUID", NewUuid())
        .Add("PayloadDisplayName", displayName);

    /// <summary>Apple's rules: some right is granted, and changing profiles (2) or provisioning profiles (128) needs seeing them (1, 64).</summary>
    private static void CheckAccessRights(int rights)
    {
        const int InspectProfiles = 1, InstallProfiles = 2, InspectProvisioning = 64, InstallProvisioning = 128;
        if (rights is <= 0 or > EnrollmentProfileOptions.AllAccessRights)
        {
            throw new ArgumentException($"AccessRights must be between 1 and {EnrollmentProfileOptions.AllAccessRights}, not {rights}.", nameof(EnrollmentProfileOptions.AccessRights));
        }

        if ((rights & InstallProfiles) != 0 && (rights & InspectProfiles) == 0)
        {
            throw new ArgumentException("AccessRights 2 (install profiles) requires 1 (inspect profiles).", nameof(EnrollmentProfileOptions.AccessRights));
        }

        if ((rights & InstallProvisioning) != 0 && (rights & InspectProvisioning) == 0)
        {
            throw new ArgumentException("AccessRights 128 (install provisioning profiles) requires 64 (inspect them).", nameof(EnrollmentProfileOptions.AccessRights));
        }
    }

    private static void AddIfPresent(PlistDictionary dictionary, string key, string? value)
    {
        if (value is not null)
        {
            dictionary.Add(key, value);
        }
    }

    private static string NewUuid() => Guid.NewGuid().ToString("D").ToUpperInvariant();
}
