using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>One certificate as CertificateList reports it.</summary>
/// <param name="Data">The DER certificate.</param>
/// <param name="IsIdentity">The device holds the private key too.</param>
public sealed record InstalledCertificate(string CommonName, bool IsIdentity, ReadOnlyMemory<byte> Data, PlistDictionary Raw);

public sealed record CertificateListResult(IReadOnlyList<InstalledCertificate> Certificates)
{
    /// <exception cref="MdmMessageFormatException">CertificateList is missing or an entry lacks its name, identity flag or data.</exception>
    public static CertificateListResult Parse(CommandReport report) => new(
        CommandResults.Of(report, "CertificateList").RequiredDictionaries("CertificateList").Select(Certificate).ToArray());

    private static InstalledCertificate Certificate(MessageFields certificate) => new(
        certificate.RequiredString("CommonName"),
        certificate.RequiredBoolean("IsIdentity"),
        certificate.RequiredData("Data"),
        certificate.Dictionary);
}
