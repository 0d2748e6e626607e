using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Tests.Cms;

public enum TestKeyType
{
    Rsa2048,
    EcdsaP256,
}

/// <summary>Builds throwaway certificate hierarchies with the BCL for tests.</summary>
internal static class TestPki
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static X509Certificate2 CreateRoot(string name, TestKeyType keyType = TestKeyType.EcdsaP256) =>
        CreateSelfSigned(name, keyType, Now.AddDays(-1), Now.AddYears(5), isCa: true);

    public static X509Certificate2 CreateSelfSigned(string name, TestKeyType keyType = TestKeyType.EcdsaP256) =>
        CreateSelfSigned(name, keyType, Now.AddDays(-1), Now.AddDays(1));

    public static X509Certificate2 CreateSelfSigned(
        string name, TestKeyType keyType, DateTimeOffset notBefore, DateTimeOffset notAfter, bool isCa = false)
    {
        using var key = CreateKey(keyType);
        var request = CreateRequest(name, key, isCa);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>Issues a certificate (with its private key attached) under <paramref name="issuer"/>.</summary>
    public static X509Certificate2 Issue(
        X509Certificate2 issuer,
        string name,
        TestKeyType keyType = TestKeyType.EcdsaP256,
        bool isCa = false,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        byte[]? serialNumber = null)
    {
        using var key = CreateKey(keyType);
        var request = CreateRequest(name, key, isCa);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(
            issuer.SubjectName,
            Identity(issuer).CreateCertificateSignatureGenerator(),
            notBefore ?? Now.AddHours(-1),
            notAfter ?? Now.AddYears(1),
            serialNumber ?? RandomNumberGenerator.GetBytes(12));
        return key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    public static AsymmetricAlgorithm CreateKey(TestKeyType keyType) => keyType switch
    {
        TestKeyType.Rsa2048 => RSA.Create(2048),
        _ => ECDsa.Create(ECCurve.NamedCurves.nistP256),
    };

    public static SigningIdentity Identity(X509Certificate2 certificateWithKey) => SigningIdentity.FromCertificate(certificateWithKey);

    public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    public static string PrivateKeyPem(X509Certificate2 certificateWithKey) =>
        ((AsymmetricAlgorithm?)certificateWithKey.GetRSAPrivateKey() ?? certificateWithKey.GetECDsaPrivateKey()!)
            .ExportPkcs8PrivateKeyPem();

    private static CertificateRequest CreateRequest(string name, AsymmetricAlgorithm key, bool isCa)
    {
        var subject = new X500DistinguishedName($"CN={name}");
        var request = key switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
            _ => throw new InvalidOperationException("unreachable"),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        if (isCa)
        {
            request.CertificateExtensions.Add(
                new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        }

        return request;
    }
}
