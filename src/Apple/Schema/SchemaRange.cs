using System.Globalization;

namespace SaaSMdm.Apple.Schema;

/// <summary>Inclusive numeric bounds of a key (<c>range</c>); either side may be open.</summary>
public sealed record SchemaRange(double? Min, double? Max)
{
    public bool Contains(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);

    public override string ToString() =>
        $"{Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}..{Max?.ToString(CultureInfo.InvariantCulture) ?? "+inf"}";
}
