using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>
/// Reads the SCEP payload's <c>Subject</c>: relative distinguished names in order, each an array of
/// <c>[type, value]</c> pairs, where the type is a short name (CN, O, ...) or an OID.
/// </summary>
internal static class ScepSubject
{
    public static X500DistinguishedName Parse(PlistArray? subject)
    {
        var attributes = new List<(string Type, string Value)>();
        foreach (var relativeName in subject?.Elements<PlistArray>() ?? [])
        {
            foreach (var pair in relativeName.Elements<PlistArray>())
            {
                if (pair.Count != 2)
                {
                    throw new EnrollmentException($"A Subject entry has {pair.Count} items; [type, value] was expected.");
                }

                attributes.Add((pair.Get<PlistString>(0).Value, pair.Get<PlistString>(1).Value));
            }
        }

        // The builder encodes the last attribute added first; the profile lists them in encoding order.
        var builder = new X500DistinguishedNameBuilder();
        foreach (var (type, value) in Enumerable.Reverse(attributes))
        {
            Add(builder, type, value);
        }

        return builder.Build();
    }

    private static void Add(X500DistinguishedNameBuilder builder, string type, string value)
    {
        switch (type.ToUpperInvariant())
        {
            case "CN":
                builder.AddCommonName(value);
                break;
            case "C":
                builder.AddCountryOrRegion(value);
                break;
            case "L":
                builder.AddLocalityName(value);
                break;
            case "ST":
                builder.AddStateOrProvinceName(value);
                break;
            case "O":
                builder.AddOrganizationName(value);
                break;
            case "OU":
                builder.AddOrganizationalUnitName(value);
                break;
            case "E" or "EMAILADDRESS":
                builder.AddEmailAddress(value);
                break;
            default:
                if (!IsOid(type))
                {
                    throw new EnrollmentException($"The Subject names an unknown attribute '{type}'.");
                }

                builder.Add(type, value);
                break;
        }
    }

    private static bool IsOid(string text) =>
        text.Split('.') is { Length: >= 2 } arcs && arcs.All(arc => arc.Length > 0 && arc.All(char.IsAsciiDigit));
}
