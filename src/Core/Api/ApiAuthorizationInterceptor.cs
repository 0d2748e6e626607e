using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api;

/// <summary>
/// Every call of the public API: checks the bearer access token, that it holds the RPC's required scope, and, for
/// a call about a tenant, that the caller may act there with that scope; then enters that tenant, so every query
/// the handler makes sees that tenant's rows only. Health and the device gateway are not public API and pass.
/// </summary>
public sealed class ApiAuthorizationInterceptor(AccessTokens tokens, TenantAccess access, CurrentCaller current, TenantContext tenantContext) : Interceptor
{
    private const string TenantIdField = "tenant_id";

    private static readonly string HealthPrefix = "/" + Grpc.Health.V1.Health.Descriptor.FullName + "/";

    private static readonly string GatewayPrefix = "/" + Contracts.Internal.V1.DeviceGateway.Descriptor.FullName + "/";

    private static readonly FrozenDictionary<string, ApiMethod> Methods = PublicApi.Services
        .SelectMany(service => service.Methods)
        .ToFrozenDictionary(method => $"/{method.Service.FullName}/{method.Name}", ApiMethod.Of);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (Methods.TryGetValue(context.Method, out var method))
        {
            await AuthorizeAsync(method, request, context);
        }
        else
        {
            EnsureOutsideTheApi(context.Method);
        }

        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (Methods.TryGetValue(context.Method, out var method))
        {
            await AuthorizeAsync(method, request, context);
        }
        else
        {
            EnsureOutsideTheApi(context.Method);
        }

        await continuation(request, responseStream, context);
    }

    /// <summary>
    /// Fails closed: a service mapped without being listed in <see cref="PublicApi"/> is refused rather than served
    /// without a token. Only health (for probes) and the device gateway (its own shared-secret check) pass.
    /// </summary>
    private static void EnsureOutsideTheApi(string methodPath)
    {
        if (!methodPath.StartsWith(HealthPrefix, StringComparison.Ordinal) && !methodPath.StartsWith(GatewayPrefix, StringComparison.Ordinal))
        {
            throw new PermissionDeniedException($"{methodPath} is not part of the public API.");
        }
    }

    /// <summary>The scope an RPC of the public API needs.</summary>
    public static string RequiredScopeOf(string methodPath) => Methods[methodPath].Scope;

    private async Task AuthorizeAsync(ApiMethod method, object request, ServerCallContext context)
    {
        var caller = await AuthenticateAsync(context);
        current.Identify(caller);
        if (!caller.Scopes.Contains(method.Scope))
        {
            throw new PermissionDeniedException($"The access token lacks the scope '{method.Scope}' this call needs.");
        }

        if (method.TenantField is null)
        {
            if (!await access.IsActiveAsync(caller, context.CancellationToken))
            {
                throw new UnauthenticatedException("The access token's client or person no longer exists or was revoked.");
            }

            current.Set(caller, caller.Scopes);
            return;
        }

        var tenantId = ParseTenantId((string)method.TenantField.Accessor.GetValue((Google.Protobuf.IMessage)request));
        if (!await access.IsActiveAsync(caller, context.CancellationToken))
        {
            throw new UnauthenticatedException("The access token's client or person no longer exists or was revoked.");
        }

        var scopes = await access.ScopesInTenantAsync(caller, tenantId, context.CancellationToken)
            ?? throw new PermissionDeniedException($"The caller may not act in tenant '{tenantId}'.");
        if (!scopes.Contains(method.Scope))
        {
            throw new PermissionDeniedException($"The caller's role in tenant '{tenantId}' does not allow '{method.Scope}'.");
        }

        current.Set(caller, scopes);
        tenantContext.Enter(tenantId);
    }

    private async Task<ApiCaller> AuthenticateAsync(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue(Rpc.Client.CallCredentials.AuthorizationHeader);
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 8192)
        {
            throw new UnauthenticatedException("This call needs an access token: metadata 'authorization: Bearer <token>', from POST /oauth2/token.");
        }

        var check = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), context.CancellationToken);
        return check.Caller ?? throw new UnauthenticatedException(check.Problem!);
    }

    private static Guid ParseTenantId(string tenantId) =>
        Guid.TryParse(tenantId, out var id) && id != Guid.Empty
            ? id
            : throw new InvalidArgumentException("tenant_id must be a tenant's id (a UUID).");

    private sealed record ApiMethod(string Scope, FieldDescriptor? TenantField)
    {
        public static ApiMethod Of(MethodDescriptor method)
        {
            var scope = method.GetOptions()?.GetExtension(AccessExtensions.RequiredScope);
            if (string.IsNullOrEmpty(scope) || !ApiScopes.All.Contains(scope))
            {
                throw new InvalidOperationException($"{method.FullName} names no known required_scope, so no caller could be allowed it.");
            }

            var tenantField = method.InputType.FindFieldByName(TenantIdField);
            if (tenantField is null && PublicApi.TenantScopedServices.Contains(method.Service))
            {
                throw new InvalidOperationException($"{method.FullName} takes no {TenantIdField}, so it cannot be scoped to a tenant.");
            }

            return new ApiMethod(scope, PublicApi.TenantScopedServices.Contains(method.Service) ? tenantField : null);
        }
    }
}
