using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Profiles;

/// <summary>A built enrollment profile.</summary>
/// <param name="Plist">The profile's dictionary.</param>
/// <param name="IdentityPayloadUuid">The PayloadUUID of the SCEP or PKCS#12 payload, which the MDM payload names.</param>
public sealed record EnrollmentProfile(PlistDictionary Plist, string IdentityPayloadUuid)
{
    /// <summary>The unsigned .mobileconfig (XML plist).</summary>
    public byte[] ToXml() => PlistWriter.WriteXml(Plist);

    /// <summary>The signed .mobileconfig: DER CMS SignedData with the XML attached.</summary>
    public byte[] Sign(ProfileSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return signer.Sign(ToXml());
    }
}
