using System.Security.Cryptography;

namespace SaaSMdm.Apple.Cms;

/// <summary>Object identifiers shared by the CMS and SCEP code.</summary>
internal static class CmsOids
{
    public const string Sha1 = "1.3.14.3.2.26";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";
    public const string SigningTime = "1.2.840.113549.1.9.5";
    public const string SignedData = "1.2.840.113549.1.7.2";
    public const string Data = "1.2.840.113549.1.7.1";

    public static Oid Sha256Oid => new(Sha256);
}
