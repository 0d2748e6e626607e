using Microsoft.Extensions.Options;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.Edge.Tenancy;

namespace SaaSMdm.Edge.Enrollment;

/// <summary>
/// A tenant's URL as devices reach it, e.g. <c>https://mdm.example.com/t/acme</c>: from
/// <see cref="EdgeOptions.PublicUrl"/>, or without it from the request's scheme and Host.
/// </summary>
public sealed class PublicBaseUrl(IOptions<EdgeOptions> options)
{
    private readonly string? _configured = string.IsNullOrEmpty(options.Value.PublicUrl) ? null : options.Value.PublicUrl.TrimEnd('/');

    public string For(HttpRequest request, ResolvedTenant tenant)
    {
        var origin = _configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
        return $"{origin}/t/{tenant.Slug}";
    }
}
