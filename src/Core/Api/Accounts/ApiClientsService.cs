using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The public ApiClients API: a tenant's own API clients. The authorization interceptor has entered the tenant and
/// set what the caller may do there; a new client gets no scope beyond that.
/// </summary>
public sealed class ApiClientsService(ApiClientStore clients, TenantContext tenant, CurrentCaller current) : Contracts.V1.ApiClients.ApiClientsBase
{
    public override Task<CreateApiClientResponse> CreateApiClient(CreateApiClientRequest request, ServerCallContext context)
    {
        var name = AccountInput.Name(request.Name, "name");
        var scopes = GrantableScopes.Check(request.Scopes, ApiScopes.TenantScopes, current.Scopes, "A tenant's API client");
        return clients.CreateAsync(name, scopes, tenant.TenantId, mspOrganizationId: null, context.CancellationToken);
    }

    public override Task<ListApiClientsResponse> ListApiClients(ListApiClientsRequest request, ServerCallContext context) =>
        clients.ListAsync(clients.OfTenant(tenant.TenantId), request.PageSize, request.PageToken, context.CancellationToken);

    public override async Task<ApiClient> GetApiClient(GetApiClientRequest request, ServerCallContext context) =>
        ApiClientMessages.ToMessage(await clients.FindAsync(clients.OfTenant(tenant.TenantId), request.ClientId, context.CancellationToken));

    public override async Task<ApiClient> RevokeApiClient(RevokeApiClientRequest request, ServerCallContext context)
    {
        var client = await clients.FindAsync(clients.OfTenant(tenant.TenantId), request.ClientId, context.CancellationToken);
        return await clients.RevokeAsync(client, context.CancellationToken);
    }

    public override async Task<RotateApiClientSecretResponse> RotateApiClientSecret(RotateApiClientSecretRequest request, ServerCallContext context)
    {
        var client = await clients.FindAsync(clients.OfTenant(tenant.TenantId), request.ClientId, context.CancellationToken);
        var beyond = client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(scope => !current.Has(scope)).ToList();
        if (beyond.Count > 0)
        {
            throw new PermissionDeniedException(
                $"API client '{client.ClientId}' holds scopes this caller does not ({ApiScopes.Format(beyond)}); its secret would give the caller more than it has.");
        }

        return await clients.RotateSecretAsync(client, context.CancellationToken);
    }
}
