using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>
/// The <c>Mdm-Signature</c> header of a device whose profile sets SignMessage: base64 of a detached CMS SignedData
/// over the exact body, SHA-256, signed by the identity certificate, which travels inside.
/// </summary>
public static class MdmSignature
{
    public const string HeaderName = "Mdm-Signature";

    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    /// <param name="identity">The identity certificate with its private key.</param>
    public static string Sign(ReadOnlySpan<byte> body, X509Certificate2 identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var signedCms = new SignedCms(new ContentInfo(body.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, identity)
        {
            DigestAlgorithm = new Oid(Sha256),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signedCms.ComputeSignature(signer, silent: true);
        return Convert.ToBase64String(signedCms.Encode());
    }
}
