using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.Declarations;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// API clients of one owner (a tenant or an MSP organization): the queries and changes both the ApiClients and the
/// Organizations API make. API clients are not tenant-owned rows, so every query names its owner here.
/// </summary>
public sealed class ApiClientStore(CoreDbContext db, TimeProvider clock)
{
    public IQueryable<ApiClientEntity> OfTenant(Guid tenantId) => db.ApiClients.Where(c => c.TenantId == tenantId);

    public IQueryable<ApiClientEntity> OfMsp(Guid mspOrganizationId) => db.ApiClients.Where(c => c.MspOrganizationId == mspOrganizationId);

    /// <summary>A new client of the tenant or MSP, saved; its secret exists only in the answer.</summary>
    public async Task<CreateApiClientResponse> CreateAsync(string name, IReadOnlySet<string> scopes, Guid? tenantId, Guid? mspOrganizationId, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var secret = ClientSecrets.NewSecret();
        var client = new ApiClientEntity
        {
            Id = Guid.CreateVersion7(),
            ClientId = ClientSecrets.NewClientId(),
            Name = name,
            SecretHash = SecretHash.Of(secret),
            TenantId = tenantId,
            MspOrganizationId = mspOrganizationId,
            Scopes = ApiScopes.Format(scopes),
            CreatedAt = now,
            SecretCreatedAt = now,
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new CreateApiClientResponse { Client = ApiClientMessages.ToMessage(client), ClientSecret = secret };
    }

    public async Task<ListApiClientsResponse> ListAsync(IQueryable<ApiClientEntity> owned, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.Size(pageSize);
        var query = owned.AsNoTracking();
        if (NamePage.After(pageToken) is { } after)
        {
            query = query.Where(c => string.Compare(c.ClientId, after) > 0);
        }

        var (page, next) = NamePage.Split(await query.OrderBy(c => c.ClientId).Take(size + 1).ToListAsync(cancellationToken), size, c => c.ClientId);
        var response = new ListApiClientsResponse { NextPageToken = next };
        response.Clients.AddRange(page.Select(ApiClientMessages.ToMessage));
        return response;
    }

    /// <exception cref="NotFoundException">the owner has no client with the id.</exception>
    public async Task<ApiClientEntity> FindAsync(IQueryable<ApiClientEntity> owned, string clientId, CancellationToken cancellationToken)
    {
        var id = AccountInput.ClientId(clientId);
        return await owned.SingleOrDefaultAsync(c => c.ClientId == id, cancellationToken)
            ?? throw new NotFoundException($"No API client with client_id '{CallerText.Shorten(id)}'.");
    }

    /// <summary>Revokes the client (a revoked one stays as it is); its tokens are refused from the next call on.</summary>
    public async Task<ApiClient> RevokeAsync(ApiClientEntity client, CancellationToken cancellationToken)
    {
        if (client.RevokedAt is null)
        {
            client.RevokedAt = StoredTime.UtcNow(clock);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ApiClientMessages.ToMessage(client);
    }

    /// <summary>Gives the client a new secret; the old one no longer authenticates.</summary>
    /// <exception cref="FailedPreconditionException">the client is revoked.</exception>
    public async Task<RotateApiClientSecretResponse> RotateSecretAsync(ApiClientEntity client, CancellationToken cancellationToken)
    {
        if (client.RevokedAt is not null)
        {
            throw new FailedPreconditionException($"API client '{client.ClientId}' is revoked; create a new one.");
        }

        var secret = ClientSecrets.NewSecret();
        client.SecretHash = SecretHash.Of(secret);
        client.SecretCreatedAt = StoredTime.UtcNow(clock);
        await db.SaveChangesAsync(cancellationToken);
        return new RotateApiClientSecretResponse { Client = ApiClientMessages.ToMessage(client), ClientSecret = secret };
    }
}
