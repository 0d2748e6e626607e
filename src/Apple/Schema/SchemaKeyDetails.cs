namespace SaaSMdm.Apple.Schema;

/// <summary>The descriptive and constraining parts of a key, gathered by the reader before the key is made.</summary>
internal sealed record SchemaKeyDetails(
    string? Title,
    string? Content,
    IReadOnlyList<SchemaLiteral> RangeList,
    SchemaRange? Range,
    SchemaLiteral? Default,
    string? Format,
    SchemaRepetition? Repetition,
    string? SubkeyType,
    IReadOnlyDictionary<string, SchemaOsSupport> SupportedOS);
