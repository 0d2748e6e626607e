using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Organizations</c> service: its server base and typed client.</summary>
public static class Organizations
{
    public static ServiceDescriptor Descriptor => OrganizationsReflection.Descriptor.Services[0];

    public abstract class OrganizationsBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Organizations.Descriptor;

        public abstract Task<MspOrganization> CreateMspOrganization(CreateMspOrganizationRequest request, ServerCallContext context);

        public abstract Task<ListMspOrganizationsResponse> ListMspOrganizations(ListMspOrganizationsRequest request, ServerCallContext context);

        public abstract Task<AddMspMemberResponse> AddMspMember(AddMspMemberRequest request, ServerCallContext context);

        public abstract Task<RemoveMspMemberResponse> RemoveMspMember(RemoveMspMemberRequest request, ServerCallContext context);

        public abstract Task<ListMspMembersResponse> ListMspMembers(ListMspMembersRequest request, ServerCallContext context);

        public abstract Task<CreateApiClientResponse> CreateMspApiClient(CreateMspApiClientRequest request, ServerCallContext context);

        public abstract Task<ListApiClientsResponse> ListMspApiClients(ListMspApiClientsRequest request, ServerCallContext context);

        public abstract Task<ApiClient> RevokeMspApiClient(RevokeMspApiClientRequest request, ServerCallContext context);

        public abstract Task<Tenant> AssignTenantToMsp(AssignTenantToMspRequest request, ServerCallContext context);
    }

    public sealed class OrganizationsClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<CreateMspOrganizationRequest, MspOrganization> CreateMspOrganizationMethod = Method<CreateMspOrganizationRequest, MspOrganization>.Create(Descriptor, "CreateMspOrganization");
        private static readonly Method<ListMspOrganizationsRequest, ListMspOrganizationsResponse> ListMspOrganizationsMethod = Method<ListMspOrganizationsRequest, ListMspOrganizationsResponse>.Create(Descriptor, "ListMspOrganizations");
        private static readonly Method<AddMspMemberRequest, AddMspMemberResponse> AddMspMemberMethod = Method<AddMspMemberRequest, AddMspMemberResponse>.Create(Descriptor, "AddMspMember");
        private static readonly Method<RemoveMspMemberRequest, RemoveMspMemberResponse> RemoveMspMemberMethod = Method<RemoveMspMemberRequest, RemoveMspMemberResponse>.Create(Descriptor, "RemoveMspMember");
        private static readonly Method<ListMspMembersRequest, ListMspMembersResponse> ListMspMembersMethod = Method<ListMspMembersRequest, ListMspMembersResponse>.Create(Descriptor, "ListMspMembers");
        private static readonly Method<CreateMspApiClientRequest, CreateApiClientResponse> CreateMspApiClientMethod = Method<CreateMspApiClientRequest, CreateApiClientResponse>.Create(Descriptor, "CreateMspApiClient");
        private static readonly Method<ListMspApiClientsRequest, ListApiClientsResponse> ListMspApiClientsMethod = Method<ListMspApiClientsRequest, ListApiClientsResponse>.Create(Descriptor, "ListMspApiClients");
        private static readonly Method<RevokeMspApiClientRequest, ApiClient> RevokeMspApiClientMethod = Method<RevokeMspApiClientRequest, ApiClient>.Create(Descriptor, "RevokeMspApiClient");
        private static readonly Method<AssignTenantToMspRequest, Tenant> AssignTenantToMspMethod = Method<AssignTenantToMspRequest, Tenant>.Create(Descriptor, "AssignTenantToMsp");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<MspOrganization> CreateMspOrganizationAsync(CreateMspOrganizationRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateMspOrganizationMethod, options, request);

        public AsyncUnaryCall<ListMspOrganizationsResponse> ListMspOrganizationsAsync(ListMspOrganizationsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListMspOrganizationsMethod, options, request);

        public AsyncUnaryCall<AddMspMemberResponse> AddMspMemberAsync(AddMspMemberRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(AddMspMemberMethod, options, request);

        public AsyncUnaryCall<RemoveMspMemberResponse> RemoveMspMemberAsync(RemoveMspMemberRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RemoveMspMemberMethod, options, request);

        public AsyncUnaryCall<ListMspMembersResponse> ListMspMembersAsync(ListMspMembersRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListMspMembersMethod, options, request);

        public AsyncUnaryCall<CreateApiClientResponse> CreateMspApiClientAsync(CreateMspApiClientRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateMspApiClientMethod, options, request);

        public AsyncUnaryCall<ListApiClientsResponse> ListMspApiClientsAsync(ListMspApiClientsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListMspApiClientsMethod, options, request);

        public AsyncUnaryCall<ApiClient> RevokeMspApiClientAsync(RevokeMspApiClientRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RevokeMspApiClientMethod, options, request);

        public AsyncUnaryCall<Tenant> AssignTenantToMspAsync(AssignTenantToMspRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(AssignTenantToMspMethod, options, request);
    }
}
