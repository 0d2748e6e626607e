using System.Formats.Asn1;

namespace SaaSMdm.Apple.Scep;

/// <summary>Reads the ASN.1 string types that SCEP attributes and CSR challenge passwords arrive in.</summary>
internal static class DirectoryStrings
{
    /// <summary>Reads one PrintableString, UTF8String, IA5String, BMPString or T61String filling all of <paramref name="encoded"/>.</summary>
    public static bool TryRead(byte[] encoded, out string value, out string problem)
    {
        value = string.Empty;
        try
        {
            var reader = new AsnReader(encoded, AsnEncodingRules.BER);
            var tag = reader.PeekTag();
            if (tag.TagClass != TagClass.Universal || !IsStringType((UniversalTagNumber)tag.TagValue))
            {
                problem = $"expected a character string, found tag {tag}";
                return false;
            }

            value = reader.ReadCharacterString((UniversalTagNumber)tag.TagValue);
            reader.ThrowIfNotEmpty();
            problem = string.Empty;
            return true;
        }
        catch (AsnContentException e)
        {
            problem = e.Message;
            return false;
        }
    }

    private static bool IsStringType(UniversalTagNumber type) => type is UniversalTagNumber.PrintableString
        or UniversalTagNumber.UTF8String
        or UniversalTagNumber.IA5String
        or UniversalTagNumber.BMPString
        or UniversalTagNumber.T61String;
}
