using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api;

/// <summary>
/// Enters the tenant a public API request names in its <c>tenant_id</c> before the handler runs, so every query
/// the handler makes sees that tenant's rows only. Until API authentication exists, the named tenant is trusted;
/// then the tenant will come from the caller's credentials instead.
/// </summary>
public sealed class ApiTenantInterceptor(TenantContext tenantContext, ITenantStore tenants) : Interceptor
{
    private const string TenantIdField = "tenant_id";

    /// <summary>The tenant_id field of each method's request, by method path.</summary>
    private static readonly FrozenDictionary<string, FieldDescriptor> TenantFields = PublicApi.TenantScopedServices
        .SelectMany(service => service.Methods)
        .ToFrozenDictionary(
            method => $"/{method.Service.FullName}/{method.Name}",
            method => method.InputType.FindFieldByName(TenantIdField)
                ?? throw new InvalidOperationException($"{method.FullName} takes no {TenantIdField}, so it cannot be scoped to a tenant."));

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (TenantFields.TryGetValue(context.Method, out var field))
        {
            await EnterAsync((string)field.Accessor.GetValue(request), context.CancellationToken);
        }

        return await continuation(request, context);
    }

    private async Task EnterAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(tenantId, out var id) || id == Guid.Empty)
        {
            throw new InvalidArgumentException("tenant_id must be a tenant's id (a UUID).");
        }

        if (await tenants.FindByIdAsync(id, cancellationToken) is null)
        {
            throw new NotFoundException($"No tenant with id '{id}'.");
        }

        tenantContext.Enter(id);
    }
}
