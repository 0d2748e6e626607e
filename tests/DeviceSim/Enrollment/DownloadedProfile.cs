using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>An enrollment profile whose signature verified, read into what the device acts on.</summary>
/// <param name="Plist">The whole profile.</param>
/// <param name="Signer">The certificate that signed it (trust in it is not required, as on a device that shows "Not Verified").</param>
/// <param name="RootCertificates">The <c>com.apple.security.root</c> payloads.</param>
public sealed record DownloadedProfile(
    PlistDictionary Plist,
    X509Certificate2 Signer,
    ScepPayloadSettings Scep,
    MdmPayloadSettings Mdm,
    IReadOnlyList<X509Certificate2> RootCertificates)
{
    public string PayloadIdentifier => Plist.GetString("PayloadIdentifier");

    public string PayloadUuid => Plist.GetString("PayloadUUID");
}
