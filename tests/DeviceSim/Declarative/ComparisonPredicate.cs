namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// <c>left op right</c>, as NSPredicate compares: numbers by value, strings ordinally — except that two dotted
/// versions compare by their parts, so <c>@status(device.operating-system.version) &gt;= '9.3'</c> holds on 17.0.
/// An absent value equals only another absent value and orders with nothing; values of different kinds are unequal.
/// </summary>
internal sealed record ComparisonPredicate(PredicateOperand Left, string Operator, PredicateOperand Right) : PredicateNode
{
    public override bool Evaluate(IPredicateFacts facts)
    {
        var order = Order(Left.Value(facts), Right.Value(facts));
        return Operator switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order is > 0 and not int.MaxValue,
            ">=" => order is >= 0 and not int.MaxValue,
            _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
        };
    }

    /// <summary>Negative, zero or positive; <see cref="int.MaxValue"/> when the values are not comparable (never less, equal or greater).</summary>
    private static int Order(object? left, object? right) => (left, right) switch
    {
        (null, null) => 0,
        (double a, double b) => Math.Sign(a.CompareTo(b)),
        (bool a, bool b) => a == b ? 0 : int.MaxValue,
        (string a, string b) when VersionOrder.IsVersion(a) && VersionOrder.IsVersion(b) => Math.Sign(VersionOrder.Compare(a, b)),
        (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
        _ => int.MaxValue,
    };
}
