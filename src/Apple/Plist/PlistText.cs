using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>Helpers for the diagnostic text rendering behind <see cref="PlistValue.ToString"/>.</summary>
internal static class PlistText
{
    public static void AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
