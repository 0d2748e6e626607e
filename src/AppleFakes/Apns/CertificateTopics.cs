using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.AppleFakes.Apns;

/// <summary>
/// The APNs topic of each client certificate (its subject's UID), read once per certificate object: Kestrel hands
/// every request on a connection the same one.
/// </summary>
internal sealed class CertificateTopics
{
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";

    private readonly ConditionalWeakTable<X509Certificate2, string?> _topics = new();

    public string? Of(X509Certificate2 certificate) => _topics.GetValue(certificate, Read);

    private static string? Read(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(name => !name.HasMultipleElements && name.GetSingleElementType().Value == UserIdOid)
            .Select(name => name.GetSingleElementValue())
            .FirstOrDefault();
}
