using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>A signed 64-bit integer; readers reject integers outside this range.</summary>
public sealed class PlistInteger(long value) : PlistValue
{
    public long Value { get; } = value;

    public override PlistValueKind Kind => PlistValueKind.Integer;

    public override bool Equals(PlistValue? other) => other is PlistInteger integer && integer.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    internal override void AppendText(StringBuilder text) => text.Append(Value.ToString(CultureInfo.InvariantCulture));
}
