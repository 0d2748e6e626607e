using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>
/// Opens a downloaded enrollment profile as a device does before offering to install it: the CMS signature must
/// verify, the payloads must fit Apple's schema (unknown keys are ignored, as devices ignore them), and the MDM
/// payload must name a SCEP payload of the same profile as its identity.
/// </summary>
public static class EnrollmentProfileReader
{
    private const string ScepPayloadType = "com.apple.security.scep";
    private const string MdmPayloadType = "com.apple.mdm";
    private const string RootPayloadType = "com.apple.security.root";

    private static readonly ProfilePayloadValidator Validator = new(AppleSchemaCatalog.Default, SchemaValidationOptions.AllowingUnknownKeys);

    /// <exception cref="EnrollmentException">The profile is unsigned, tampered with or unusable for enrollment.</exception>
    public static DownloadedProfile Read(ReadOnlySpan<byte> signedProfile)
    {
        SignedProfile signed;
        try
        {
            signed = SignedProfileVerifier.Verify(signedProfile);
        }
        catch (CmsSignatureException e)
        {
            throw new EnrollmentException($"The profile's signature does not verify: {e.Message}", e);
        }

        try
        {
            return Read(signed);
        }
        catch (Exception e) when (e is PlistFormatException or PlistTypeException or UriFormatException)
        {
            throw new EnrollmentException($"The profile is malformed: {e.Message}", e);
        }
    }

    private static DownloadedProfile Read(SignedProfile signed)
    {
        if (PlistReader.Read(signed.Content) is not PlistDictionary profile)
        {
            throw new EnrollmentException("The profile is not a dictionary.");
        }

        if (Validator.ValidateProfile(profile) is { IsValid: false } problems)
        {
            throw new EnrollmentException($"The profile breaks Apple's schema: {problems}");
        }

        var payloads = profile.GetArray("PayloadContent").Elements<PlistDictionary>().ToArray();
        var mdm = ReadMdmPayload(Single(payloads, MdmPayloadType));
        var identity = payloads.SingleOrDefault(payload => payload.GetString("PayloadUUID") == mdm.IdentityCertificateUuid)
            ?? throw new EnrollmentException($"IdentityCertificateUUID {mdm.IdentityCertificateUuid} names no payload of the profile.");
        if (identity.GetString("PayloadType") != ScepPayloadType)
        {
            throw new EnrollmentException($"The identity payload is a {identity.GetString("PayloadType")}; this device enrolls with SCEP only.");
        }

        var roots = payloads
            .Where(payload => payload.GetString("PayloadType") == RootPayloadType)
            .Select(payload => X509CertificateLoader.LoadCertificate(payload.GetData("PayloadContent").Span))
            .ToArray();
        return new DownloadedProfile(profile, signed.Signer, ReadScepPayload(identity), mdm, roots);
    }

    private static PlistDictionary Single(IEnumerable<PlistDictionary> payloads, string payloadType) =>
        payloads.Where(payload => payload.GetString("PayloadType") == payloadType).ToArray() is [var only]
            ? only
            : throw new EnrollmentException($"The profile must hold exactly one {payloadType} payload.");

    private static MdmPayloadSettings ReadMdmPayload(PlistDictionary payload)
    {
        var serverUrl = HttpsUrl(payload.GetString("ServerURL"), "ServerURL");
        var checkInUrl = payload.TryGetString("CheckInURL", out var checkIn) ? HttpsUrl(checkIn, "CheckInURL") : serverUrl;
        var capabilities = payload.TryGetArray("ServerCapabilities", out var list)
            ? list.Elements<PlistString>().Select(capability => capability.Value).ToArray()
            : [];
        return new MdmPayloadSettings(
            serverUrl,
            checkInUrl,
            payload.GetString("Topic"),
            payload.GetString("IdentityCertificateUUID"),
            payload.TryGetBoolean("SignMessage", out var sign) && sign,
            payload.TryGetBoolean("CheckOutWhenRemoved", out var checkOut) && checkOut,
            payload.TryGetInteger("AccessRights", out var rights) ? rights : 0,
            capabilities);
    }

    private static ScepPayloadSettings ReadScepPayload(PlistDictionary payload)
    {
        var content = payload.GetDictionary("PayloadContent");
        var keyType = content.TryGetString("Key Type", out var type) ? type : "RSA";
        var keySize = content.TryGetInteger("Keysize", out var size) ? (int)size : 1024;
        if (keyType != "RSA" || keySize is not (1024 or 2048 or 4096))
        {
            throw new EnrollmentException($"The SCEP payload asks for a {keySize}-bit {keyType} key; RSA 1024, 2048 or 4096 is supported.");
        }

        return new ScepPayloadSettings(
            payload.GetString("PayloadUUID"),
            new Uri(content.GetString("URL")),
            content.TryGetString("Challenge", out var challenge) ? challenge : null,
            ScepSubject.Parse(content.TryGetArray("Subject", out var subject) ? subject : null),
            keySize,
            keyType,
            content.TryGetInteger("Key Usage", out var usage) ? (int)usage : 0,
            content.TryGetString("Name", out var name) && name.Length > 0 ? name : null,
            content.TryGetData("CAFingerprint", out var fingerprint) ? fingerprint.ToArray() : null);
    }

    private static Uri HttpsUrl(string text, string key) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new EnrollmentException($"{key} '{text}' is not an https URL.");
}
