using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Edge.Tests.Ddm;

/// <summary>
/// The Mdm-Signature a device sends with a GET: a detached CMS signature over the empty body. .NET's SignedCms refuses
/// to sign empty content, so OpenSSL makes it, as an independent implementation would.
/// </summary>
public static class EmptyBodySignature
{
    public static async Task<string> SignAsync(X509Certificate2 identity)
    {
        var directory = Directory.CreateTempSubdirectory("saasmdm-empty-signature-").FullName;
        try
        {
            string In(string name) => Path.Combine(directory, name);
            using var key = identity.GetRSAPrivateKey() ?? throw new InvalidOperationException("The identity has no RSA private key.");
            await File.WriteAllTextAsync(In("identity.pem"), identity.ExportCertificatePem());
            await File.WriteAllTextAsync(In("key.pem"), key.ExportPkcs8PrivateKeyPem());
            await File.WriteAllBytesAsync(In("body"), []);
            (await ExternalTool.RunAsync("openssl", "cms", "-sign", "-binary", "-md", "sha256", "-in", In("body"),
                "-signer", In("identity.pem"), "-inkey", In("key.pem"), "-outform", "DER", "-out", In("signature.der"))).EnsureSuccess();
            return Convert.ToBase64String(await File.ReadAllBytesAsync(In("signature.der")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
