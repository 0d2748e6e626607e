using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>A downloaded enrollment profile, opened as a device would: signature checked, payloads found by type.</summary>
public sealed record ProfileContents(PlistDictionary Profile, X509Certificate2 Signer)
{
    public PlistDictionary Scep => Payload("com.apple.security.scep").GetDictionary("PayloadContent");

    public PlistDictionary Mdm => Payload("com.apple.mdm");

    public string Challenge => Scep.GetString("Challenge");

    public IEnumerable<PlistDictionary> Roots => Payloads.Where(p => p.GetString("PayloadType") == "com.apple.security.root");

    private IEnumerable<PlistDictionary> Payloads => Profile.GetArray("PayloadContent").OfType<PlistDictionary>();

    public static ProfileContents Open(ReadOnlySpan<byte> signedProfile)
    {
        var signed = SignedProfileVerifier.Verify(signedProfile);
        return new ProfileContents((PlistDictionary)PlistReader.Read(signed.Content), signed.Signer);
    }

    public PlistDictionary Payload(string type) => Payloads.Single(p => p.GetString("PayloadType") == type);
}
