namespace SaaSMdm.Apple.Schema;

/// <summary>
/// How many values may appear (<c>repetition</c>). Apple puts it on the key that describes an array's items,
/// so it bounds the number of items of the enclosing array.
/// </summary>
public sealed record SchemaRepetition(int Min, int Max)
{
    public bool Allows(int count) => count >= Min && count <= Max;
}
