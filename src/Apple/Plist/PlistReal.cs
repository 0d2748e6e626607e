using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// A double. Equality is bit-exact (so 0.0 and -0.0 differ, as they do after a round trip) except that
/// every NaN equals every other NaN, which keeps equality reflexive.
/// </summary>
public sealed class PlistReal(double value) : PlistValue
{
    public double Value { get; } = value;

    public override PlistValueKind Kind => PlistValueKind.Real;

    public override bool Equals(PlistValue? other) =>
        other is PlistReal real
        && (BitConverter.DoubleToInt64Bits(real.Value) == BitConverter.DoubleToInt64Bits(Value)
            || (double.IsNaN(real.Value) && double.IsNaN(Value)));

    public override int GetHashCode() =>
        double.IsNaN(Value) ? double.NaN.GetHashCode() : BitConverter.DoubleToInt64Bits(Value).GetHashCode();

    internal override void AppendText(StringBuilder text) => text.Append(Value.ToString("R", CultureInfo.InvariantCulture));
}
