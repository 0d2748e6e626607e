using System.Text;

namespace SaaSMdm.Apple.Plist;

public sealed class PlistString : PlistValue
{
    public PlistString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    public string Value { get; }

    public override PlistValueKind Kind => PlistValueKind.String;

    public override bool Equals(PlistValue? other) =>
        other is PlistString text && string.Equals(Value, text.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    internal override void AppendText(StringBuilder text) => PlistText.AppendQuoted(text, Value);
}
