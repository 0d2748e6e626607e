namespace SaaSMdm.Apple.Schema;

/// <summary>One finding of a validation.</summary>
/// <param name="Path">Where: dictionary keys joined by dots, array items as <c>[n]</c>, such as <c>Command.Queries[2]</c>.</param>
public sealed record SchemaProblem(string Path, SchemaProblemKind Kind, string Message, SchemaProblemSeverity Severity = SchemaProblemSeverity.Error)
{
    public override string ToString() => $"{(Path.Length == 0 ? "(root)" : Path)}: {Message}";
}
