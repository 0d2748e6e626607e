namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>The GetCACaps answer: one capability per line, compared without regard to case as RFC 8894 asks.</summary>
internal sealed record ScepCapabilities(IReadOnlySet<string> Names)
{
    public static ScepCapabilities Parse(string text) => new(
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool PostPkiOperation => Names.Contains("POSTPKIOperation");

    public bool Aes => Names.Contains("AES");

    public bool Sha256 => Names.Contains("SHA-256");
}
