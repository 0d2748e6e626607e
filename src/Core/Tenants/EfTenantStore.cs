using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Tenants;

public sealed class EfTenantStore(CoreDbContext db) : ITenantStore
{
    public async Task AddAsync(TenantEntity tenant, CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(t => t.Slug == tenant.Slug, cancellationToken))
        {
            throw new SlugTakenException(tenant.Slug);
        }

        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent create: the unique index decided, report it as such.
            if (await SlugExistsElsewhereAsync(tenant, cancellationToken))
            {
                throw new SlugTakenException(tenant.Slug);
            }

            throw;
        }
    }

    public Task<TenantEntity?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public Task<TenantEntity?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<TenantEntity>> ListAsync(IQueryable<TenantEntity> among, string? afterSlug, int limit, CancellationToken cancellationToken)
    {
        var query = among.AsNoTracking();
        if (afterSlug is not null)
        {
            query = query.Where(t => string.Compare(t.Slug, afterSlug) > 0);
        }

        return await query.OrderBy(t => t.Slug).Take(limit).ToListAsync(cancellationToken);
    }

    private async Task<bool> SlugExistsElsewhereAsync(TenantEntity tenant, CancellationToken cancellationToken)
    {
        db.Entry(tenant).State = EntityState.Detached;
        return await db.Tenants.AnyAsync(t => t.Slug == tenant.Slug && t.Id != tenant.Id, cancellationToken);
    }
}
