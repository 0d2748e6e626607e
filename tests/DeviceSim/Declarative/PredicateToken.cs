namespace SaaSMdm.DeviceSim.Declarative;

internal enum PredicateTokenKind
{
    Word,
    String,
    Number,
    Operator,
    OpenParenthesis,
    CloseParenthesis,
    Function,
    End,
}

/// <summary>One lexical token of a predicate; for <see cref="PredicateTokenKind.Function"/>, Text is <c>property</c> or <c>status</c> and Argument what is in the parentheses.</summary>
internal sealed record PredicateToken(PredicateTokenKind Kind, string Text, int Position, string? Argument = null);
