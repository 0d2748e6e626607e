namespace SaaSMdm.Portal.Tenancy;

/// <summary>The tenant of the request's page (<c>/t/{TenantSlug}/...</c>), once <see cref="TenantMiddleware"/> has checked the person may open it.</summary>
public sealed class CurrentTenant
{
    public const string RouteKey = "TenantSlug";

    private TenantChoice? _tenant;

    public TenantChoice? OrNull => _tenant;

    public TenantChoice Value => _tenant ?? throw new InvalidOperationException("This page is not a tenant's page.");

    internal void Enter(TenantChoice tenant) => _tenant = tenant;
}
