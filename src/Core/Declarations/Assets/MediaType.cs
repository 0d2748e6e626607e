using System.Net.Http.Headers;

namespace SaaSMdm.Core.Declarations.Assets;

/// <summary>
/// The media types asset data may be served with: <c>type/subtype</c> of RFC 9110 tokens, optionally with parameters,
/// as a Content-Type header carries them. Anything else would be refused by Edge's HTTP stack or confuse the device.
/// </summary>
public static class MediaType
{
    public const int MaxLength = 255;

    public static bool IsValid(string value)
    {
        if (value.Length is 0 or > MaxLength || value.Trim().Length != value.Length || value.Any(c => char.IsControl(c) || c > '~'))
        {
            return false;
        }

        var essence = value.Split(';', 2)[0].TrimEnd();
        var parts = essence.Split('/');
        return parts.Length == 2 && parts.All(IsToken) && MediaTypeHeaderValue.TryParse(value, out _);
    }

    private static bool IsToken(string part) => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
