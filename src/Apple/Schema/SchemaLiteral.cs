using System.Globalization;

namespace SaaSMdm.Apple.Schema;

/// <summary>A scalar written in a schema file: an allowed value (<c>rangelist</c>) or a default.</summary>
public abstract record SchemaLiteral
{
    private protected SchemaLiteral()
    {
    }

    /// <summary>The value as schema files and problem messages spell it.</summary>
    public abstract string Text { get; }

    public sealed override string ToString() => Text;
}

public sealed record StringLiteral(string Value) : SchemaLiteral
{
    public override string Text => Value;
}

public sealed record IntegerLiteral(long Value) : SchemaLiteral
{
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record RealLiteral(double Value) : SchemaLiteral
{
    public override string Text => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed record BooleanLiteral(bool Value) : SchemaLiteral
{
    public override string Text => Value ? "true" : "false";
}
