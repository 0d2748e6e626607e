namespace SaaSMdm.Core.Api.Enrollment;

/// <summary>What Core knows of Edge's public address (section <c>Enrollment</c>), to hand out complete enrollment URLs.</summary>
public sealed class EnrollmentLinkOptions
{
    public const string Section = "Enrollment";

    /// <summary>Edge's public base URL, e.g. <c>https://mdm.example.com</c>; unset: tokens come without a URL.</summary>
    public string? PublicEdgeUrl { get; set; }

    /// <summary>The tenant's enrollment URL with the token, or null when <see cref="PublicEdgeUrl"/> is unset.</summary>
    public string? EnrollmentUrl(string tenantSlug, string secret) =>
        string.IsNullOrEmpty(PublicEdgeUrl) ? null : $"{PublicEdgeUrl.TrimEnd('/')}/t/{tenantSlug}/enroll?token={Uri.EscapeDataString(secret)}";

    public string? Problem() =>
        string.IsNullOrEmpty(PublicEdgeUrl)
        || (Uri.TryCreate(PublicEdgeUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && url.Query.Length == 0 && url.Fragment.Length == 0)
            ? null
            : $"Enrollment:PublicEdgeUrl must be an absolute https URL without query or fragment; got '{PublicEdgeUrl}'.";
}
