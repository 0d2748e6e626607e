using Microsoft.Extensions.Options;
using SaaSMdm.Contracts.Gateway;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Gateway;

/// <summary>Refuses DeviceGateway calls that do not carry the deployment's gateway secret; other services pass through.</summary>
public sealed class GatewayAuthenticationInterceptor(IOptions<GatewayOptions> options) : Interceptor
{
    private static readonly string GatewayPrefix = "/" + DeviceGateway.Descriptor.FullName + "/";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (context.Method.StartsWith(GatewayPrefix, StringComparison.Ordinal))
        {
            var secret = options.Value.SharedSecret;
            if (GatewayCredentials.Validate(secret) is { } problem)
            {
                throw new UnauthenticatedException("The device gateway is closed: " + problem);
            }

            if (!GatewayCredentials.Matches(secret!, context.RequestHeaders.GetValue(GatewayCredentials.MetadataKey)))
            {
                throw new UnauthenticatedException("The device gateway needs the deployment's gateway key.");
            }
        }

        return continuation(request, context);
    }
}
