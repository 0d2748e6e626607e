using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Server;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every RPC of <typeparamref name="TService"/> to <c>POST /package.Service/Method</c>, after checking
    /// the class against its proto descriptor (<see cref="GrpcBindingException"/> when they disagree).
    /// Unknown methods and services on the host answer UNIMPLEMENTED.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IGrpcService
    {
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before MapGrpcService<T>().");
        var options = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SaaSMdm.Rpc.Server");

        var bound = GrpcServiceBinder.Bind<TService>();
        registry.Add(TService.Descriptor.FullName);
        var builders = bound
            .Select(method => endpoints
                .MapPost("/" + TService.Descriptor.FullName + "/" + method.Descriptor.Name,
                    ServerCallHandlerFactory.Create<TService>(method, options, services, logger))
                .WithDisplayName($"gRPC {TService.Descriptor.FullName}/{method.Descriptor.Name}")
                .WithMetadata(method))
            .ToList<IEndpointConventionBuilder>();

        MapUnimplemented(endpoints, registry);
        return new CompositeConventionBuilder(builders);
    }

    private static void MapUnimplemented(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        if (registry.FallbackMapped)
        {
            return;
        }

        registry.FallbackMapped = true;
        endpoints.MapPost("/{unimplementedService}/{unimplementedMethod}", async http =>
        {
            if (!GrpcProtocol.IsGrpcContentType(http.Request.ContentType))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var service = (string)http.Request.RouteValues["unimplementedService"]!;
            var detail = registry.Contains(service) ? "Method is unimplemented." : "Service is unimplemented.";
            await TrailersOnlyResponse.WriteAsync(http.Response, StatusCodes.Status200OK, new Status(StatusCode.Unimplemented, detail));
        }).WithDisplayName("gRPC unimplemented");
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
