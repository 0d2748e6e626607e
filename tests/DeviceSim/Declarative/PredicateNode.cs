namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>A parsed activation predicate.</summary>
public abstract record PredicateNode
{
    public abstract bool Evaluate(IPredicateFacts facts);
}

internal sealed record ConstantPredicate(bool Value) : PredicateNode
{
    public override bool Evaluate(IPredicateFacts facts) => Value;
}

internal sealed record NotPredicate(PredicateNode Operand) : PredicateNode
{
    public override bool Evaluate(IPredicateFacts facts) => !Operand.Evaluate(facts);
}

internal sealed record AndPredicate(PredicateNode Left, PredicateNode Right) : PredicateNode
{
    public override bool Evaluate(IPredicateFacts facts) => Left.Evaluate(facts) && Right.Evaluate(facts);
}

internal sealed record OrPredicate(PredicateNode Left, PredicateNode Right) : PredicateNode
{
    public override bool Evaluate(IPredicateFacts facts) => Left.Evaluate(facts) || Right.Evaluate(facts);
}
