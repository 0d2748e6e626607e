using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>An instant, always held in UTC; XML plists carry whole seconds, binary plists may carry fractions.</summary>
public sealed class PlistDate : PlistValue
{
    public PlistDate(DateTimeOffset value) => Value = value.ToUniversalTime();

    public DateTimeOffset Value { get; }

    public override PlistValueKind Kind => PlistValueKind.Date;

    public override bool Equals(PlistValue? other) => other is PlistDate date && date.Value.UtcTicks == Value.UtcTicks;

    public override int GetHashCode() => Value.UtcTicks.GetHashCode();

    internal override void AppendText(StringBuilder text) =>
        text.Append(Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
