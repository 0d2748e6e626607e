using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api;

/// <summary>A text filter of a list request: empty means no filter, and its length is bounded so a query stays cheap.</summary>
public static class TextFilter
{
    public const int MaxLength = 256;

    /// <exception cref="InvalidArgumentException">the text is longer than <see cref="MaxLength"/>.</exception>
    public static string? Read(string value, string field) => value.Length switch
    {
        0 => null,
        > MaxLength => throw new InvalidArgumentException($"{field} has at most {MaxLength} characters."),
        _ => value,
    };
}
