namespace SaaSMdm.ApiReference;

/// <summary>A proto comment as Markdown text: protoc keeps the space after "//", and a comment may hold &lt; or |.</summary>
public static class ProtoComment
{
    public static IReadOnlyList<string> Lines(string? comment) =>
        (comment ?? "").Split('\n')
            .Select(line => (line.StartsWith(' ') ? line[1..] : line).TrimEnd())
            .SkipWhile(line => line.Length == 0)
            .Reverse().SkipWhile(line => line.Length == 0).Reverse()
            .Select(Escape)
            .ToList();

    public static string Paragraph(string? comment) => string.Join('\n', Lines(comment));

    public static string TableCell(string? comment) =>
        string.Join(' ', Lines(comment).Where(line => line.Length > 0)).Replace("|", "\\|", StringComparison.Ordinal);

    public static string Escape(string text) =>
        text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
