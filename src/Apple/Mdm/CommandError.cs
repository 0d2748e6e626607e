namespace SaaSMdm.Apple.Mdm;

/// <summary>One entry of a report's ErrorChain, outermost error first.</summary>
public sealed record CommandError(long? ErrorCode, string? ErrorDomain, string? LocalizedDescription, string? USEnglishDescription)
{
    internal static CommandError From(MessageFields fields) => new(
        fields.Integer("ErrorCode"),
        fields.String("ErrorDomain"),
        fields.String("LocalizedDescription"),
        fields.String("USEnglishDescription"));
}
