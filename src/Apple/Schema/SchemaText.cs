namespace SaaSMdm.Apple.Schema;

/// <summary>Keeps values quoted in problem messages short: they may come from a hostile device.</summary>
internal static class SchemaText
{
    private const int MaxLength = 80;

    public static string Quote(string text) => text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
