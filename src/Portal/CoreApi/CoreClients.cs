using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.Sessions;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Interceptors;

namespace SaaSMdm.Portal.CoreApi;

/// <summary>Core's public API clients, per request, each call carrying the signed-in person's access token.</summary>
public static class CoreClients
{
    public static IServiceCollection AddCoreClients(this IServiceCollection services, Uri coreUrl)
    {
        services.AddSingleton(_ => GrpcChannel.ForAddress(coreUrl));
        services.AddScoped(sp =>
        {
            var session = sp.GetRequiredService<PortalSession>();
            return new PersonCallInvoker(sp.GetRequiredService<GrpcChannel>().CreateCallInvoker().Intercept(headers => headers.Add(
                CallCredentials.AuthorizationHeader,
                "Bearer " + (session.AccessToken ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Nobody is signed in."))))));
        });
        Add(services, invoker => new Account.AccountClient(invoker));
        Add(services, invoker => new Tenants.TenantsClient(invoker));
        Add(services, invoker => new Devices.DevicesClient(invoker));
        Add(services, invoker => new Commands.CommandsClient(invoker));
        Add(services, invoker => new Declarations.DeclarationsClient(invoker));
        Add(services, invoker => new DeclarativeStatus.DeclarativeStatusClient(invoker));
        Add(services, invoker => new Enrollment.EnrollmentClient(invoker));
        Add(services, invoker => new Members.MembersClient(invoker));
        Add(services, invoker => new ApiClients.ApiClientsClient(invoker));
        Add(services, invoker => new Webhooks.WebhooksClient(invoker));
        Add(services, invoker => new AuditLog.AuditLogClient(invoker));
        Add(services, invoker => new Events.EventsClient(invoker));
        return services;
    }

    private static void Add<TClient>(IServiceCollection services, Func<CallInvoker, TClient> create) where TClient : class =>
        services.AddScoped(sp => create(sp.GetRequiredService<PersonCallInvoker>().Invoker));

    /// <summary>Keeps the person's invoker apart from any other <see cref="CallInvoker"/> in the container.</summary>
    private sealed record PersonCallInvoker(CallInvoker Invoker);
}
