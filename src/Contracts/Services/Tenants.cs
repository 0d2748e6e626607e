using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Tenants</c> service: its server base and typed client.</summary>
public static class Tenants
{
    public static ServiceDescriptor Descriptor => TenantsReflection.Descriptor.Services[0];

    public abstract class TenantsBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Tenants.Descriptor;

        public abstract Task<Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context);

        public abstract Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context);

        public abstract Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context);
    }

    public sealed class TenantsClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<CreateTenantRequest, Tenant> CreateTenantMethod = Method<CreateTenantRequest, Tenant>.Create(Descriptor, "CreateTenant");
        private static readonly Method<GetTenantRequest, Tenant> GetTenantMethod = Method<GetTenantRequest, Tenant>.Create(Descriptor, "GetTenant");
        private static readonly Method<ListTenantsRequest, ListTenantsResponse> ListTenantsMethod = Method<ListTenantsRequest, ListTenantsResponse>.Create(Descriptor, "ListTenants");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<Tenant> CreateTenantAsync(CreateTenantRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateTenantMethod, options, request);

        public AsyncUnaryCall<Tenant> GetTenantAsync(GetTenantRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetTenantMethod, options, request);

        public AsyncUnaryCall<ListTenantsResponse> ListTenantsAsync(ListTenantsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListTenantsMethod, options, request);
    }
}
