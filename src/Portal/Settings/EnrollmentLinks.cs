namespace SaaSMdm.Portal.Settings;

/// <summary>Where a tenant's devices download their enrollment profile from Edge (<c>/t/{slug}/enroll</c>, with <c>?token=</c> for a token).</summary>
public static class EnrollmentLinks
{
    public static string For(string edgeUrl, string tenantSlug, string? tokenSecret = null)
    {
        var url = $"{edgeUrl.TrimEnd('/')}/t/{tenantSlug}/enroll";
        return tokenSecret is null ? url : $"{url}?token={Uri.EscapeDataString(tokenSecret)}";
    }
}
