using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>A certificate in the device's keychain, as CertificateList reports it.</summary>
/// <param name="IsIdentity">The device also holds the private key.</param>
/// <param name="Data">The DER certificate.</param>
public sealed record DeviceCertificate(string CommonName, bool IsIdentity, byte[] Data)
{
    public PlistDictionary ToPlist() => new PlistDictionary()
        .Add("CommonName", CommonName)
        .Add("IsIdentity", IsIdentity)
        .Add("Data", new PlistData(Data));
}
