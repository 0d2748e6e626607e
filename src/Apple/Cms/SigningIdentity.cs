using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// A certificate and the private key that signs (and, for RSA, decrypts) for it. The key may live apart from the
/// certificate (an HSM or a vault hands out an <see cref="AsymmetricAlgorithm"/>); the caller owns and disposes both.
/// </summary>
public sealed class SigningIdentity
{
    /// <param name="certificate">The public certificate.</param>
    /// <param name="privateKey">An <see cref="RSA"/> or <see cref="ECDsa"/> key whose public half is the certificate's.</param>
    public SigningIdentity(X509Certificate2 certificate, AsymmetricAlgorithm privateKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey is not (RSA or ECDsa))
        {
            throw new ArgumentException("Only RSA and ECDSA keys are supported.", nameof(privateKey));
        }

        if (!privateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            throw new ArgumentException("The private key does not belong to the certificate.", nameof(privateKey));
        }

        Certificate = certificate;
        PrivateKey = privateKey;
    }

    public X509Certificate2 Certificate { get; }

    public AsymmetricAlgorithm PrivateKey { get; }

    /// <summary>Uses the private key attached to <paramref name="certificateWithKey"/>.</summary>
    public static SigningIdentity FromCertificate(X509Certificate2 certificateWithKey)
    {
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificateWithKey.GetRSAPrivateKey()
            ?? certificateWithKey.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The certificate has no RSA or ECDSA private key.", nameof(certificateWithKey));
        return new SigningIdentity(certificateWithKey, key);
    }

    /// <summary>A SHA-256 CMS signer identified by issuer and serial number, embedding this certificate only.</summary>
    internal CmsSigner CreateCmsSigner(Oid digestAlgorithm) =>
        new(SubjectIdentifierType.IssuerAndSerialNumber, Certificate, PrivateKey)
        {
            DigestAlgorithm = digestAlgorithm,
            IncludeOption = X509IncludeOption.EndCertOnly,
        };

    /// <summary>Signs certificates issued under this identity (SHA-256; PKCS#1 v1.5 for RSA).</summary>
    internal X509SignatureGenerator CreateCertificateSignatureGenerator() => PrivateKey switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        _ => throw new InvalidOperationException("Unreachable: the constructor admits RSA and ECDSA only."),
    };
}
