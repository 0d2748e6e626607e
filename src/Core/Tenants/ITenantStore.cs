using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Tenants;

/// <summary>Where tenants are kept.</summary>
public interface ITenantStore
{
    /// <exception cref="SlugTakenException">another tenant has the slug.</exception>
    Task AddAsync(TenantEntity tenant, CancellationToken cancellationToken);

    Task<TenantEntity?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<TenantEntity?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> tenants of <paramref name="among"/> with slugs after <paramref name="afterSlug"/>, in slug order.</summary>
    Task<IReadOnlyList<TenantEntity>> ListAsync(IQueryable<TenantEntity> among, string? afterSlug, int limit, CancellationToken cancellationToken);
}

public sealed class SlugTakenException(string slug) : Exception($"A tenant with slug '{slug}' already exists.");
