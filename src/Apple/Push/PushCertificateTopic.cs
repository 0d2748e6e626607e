using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Push;

/// <summary>Reads the APNs topic (<c>com.apple.mgmt.External.&lt;uuid&gt;</c>) an MDM push certificate is for.</summary>
public static class PushCertificateTopic
{
    /// <summary>The LDAP <c>UID</c> attribute, where Apple puts the topic in the certificate subject.</summary>
    public const string UserIdOid = "0.9.2342.19200300.100.1.1";

    /// <exception cref="PushCertificateException">The subject has no single UID attribute, or it is empty.</exception>
    public static string Read(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        List<string?> topics;
        try
        {
            topics = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
                .Where(name => !name.HasMultipleElements && name.GetSingleElementType().Value == UserIdOid)
                .Select(name => name.GetSingleElementValue())
                .ToList();
        }
        catch (CryptographicException e)
        {
            throw new PushCertificateException("The push certificate's subject cannot be decoded.", e);
        }

        return topics switch
        {
            [var topic] when !string.IsNullOrWhiteSpace(topic) => topic,
            [] => throw new PushCertificateException("The push certificate's subject has no UID attribute holding the APNs topic."),
            [_] => throw new PushCertificateException("The push certificate's UID attribute is empty or not a string."),
            _ => throw new PushCertificateException("The push certificate's subject has more than one UID attribute."),
        };
    }
}
