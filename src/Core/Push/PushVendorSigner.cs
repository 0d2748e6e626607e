using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Core.Push;

/// <summary>
/// Signs a tenant's push certificate request as its MDM vendor, in the form Apple's Push Certificates Portal takes:
/// a plist of the request (PushCertRequestCSR, base64 DER), the vendor's chain (PushCertCertificateChain, PEM) and the
/// vendor key's SHA-256 RSA signature of the request (PushCertSignature, base64), itself base64-encoded.
/// </summary>
public sealed class PushVendorSigner(IOptions<PushVendorOptions> options)
{
    /// <summary>The file to upload at Apple's portal; null when no vendor identity is configured.</summary>
    public byte[]? Sign(byte[] csrDer)
    {
        if (options.Value.VendorCertificatePath is not { Length: > 0 } path)
        {
            return null;
        }

        // Read per request: a renewed vendor certificate is picked up without a restart, and requests are rare.
        var contents = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, options.Value.VendorCertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        try
        {
            var vendor = contents.FirstOrDefault(c => c.HasPrivateKey)
                ?? throw new InvalidOperationException($"{PushVendorOptions.Section}:VendorCertificatePath holds no certificate with its private key.");
            using var key = vendor.GetRSAPrivateKey()
                ?? throw new InvalidOperationException($"{PushVendorOptions.Section}:VendorCertificatePath's key is not an RSA key.");
            var chain = new StringBuilder(vendor.ExportCertificatePem()).Append('\n');
            foreach (var issuer in contents.Where(c => c != vendor))
            {
                chain.Append(issuer.ExportCertificatePem()).Append('\n');
            }

            var request = new PlistDictionary()
                .Add("PushCertRequestCSR", Convert.ToBase64String(csrDer))
                .Add("PushCertCertificateChain", chain.ToString())
                .Add("PushCertSignature", Convert.ToBase64String(key.SignData(csrDer, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
            return Encoding.ASCII.GetBytes(Convert.ToBase64String(PlistWriter.WriteXml(request)));
        }
        finally
        {
            foreach (var certificate in contents)
            {
                certificate.Dispose();
            }
        }
    }
}
