namespace SaaSMdm.ApiReference;

/// <summary>docs/api-reference.md: where it lives and what it should say now.</summary>
public static class ApiReferenceDocument
{
    public static string PathIn(string repositoryRoot) => Path.Combine(repositoryRoot, "docs", "api-reference.md");

    public static async Task<string> GenerateAsync(string repositoryRoot, CancellationToken cancellationToken = default) =>
        ApiReferenceMarkdown.Render(await PublicApiProtos.LoadAsync(repositoryRoot, cancellationToken));
}
