namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>One side of a comparison: a literal, <c>@property(key)</c> or <c>@status(name)</c>.</summary>
internal abstract record PredicateOperand
{
    public abstract object? Value(IPredicateFacts facts);
}

internal sealed record LiteralOperand(object? Literal) : PredicateOperand
{
    public override object? Value(IPredicateFacts facts) => Literal;
}

internal sealed record PropertyOperand(string Key) : PredicateOperand
{
    public override object? Value(IPredicateFacts facts) => facts.Property(Key);
}

internal sealed record StatusOperand(string Name) : PredicateOperand
{
    public override object? Value(IPredicateFacts facts) => facts.Status(Name);
}
