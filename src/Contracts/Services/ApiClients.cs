using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.ApiClients</c> service: its server base and typed client.</summary>
public static class ApiClients
{
    public static ServiceDescriptor Descriptor => ApiClientsReflection.Descriptor.Services[0];

    public abstract class ApiClientsBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => ApiClients.Descriptor;

        public abstract Task<CreateApiClientResponse> CreateApiClient(CreateApiClientRequest request, ServerCallContext context);

        public abstract Task<ListApiClientsResponse> ListApiClients(ListApiClientsRequest request, ServerCallContext context);

        public abstract Task<ApiClient> GetApiClient(GetApiClientRequest request, ServerCallContext context);

        public abstract Task<ApiClient> RevokeApiClient(RevokeApiClientRequest request, ServerCallContext context);

        public abstract Task<RotateApiClientSecretResponse> RotateApiClientSecret(RotateApiClientSecretRequest request, ServerCallContext context);
    }

    public sealed class ApiClientsClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<CreateApiClientRequest, CreateApiClientResponse> CreateApiClientMethod = Method<CreateApiClientRequest, CreateApiClientResponse>.Create(Descriptor, "CreateApiClient");
        private static readonly Method<ListApiClientsRequest, ListApiClientsResponse> ListApiClientsMethod = Method<ListApiClientsRequest, ListApiClientsResponse>.Create(Descriptor, "ListApiClients");
        private static readonly Method<GetApiClientRequest, ApiClient> GetApiClientMethod = Method<GetApiClientRequest, ApiClient>.Create(Descriptor, "GetApiClient");
        private static readonly Method<RevokeApiClientRequest, ApiClient> RevokeApiClientMethod = Method<RevokeApiClientRequest, ApiClient>.Create(Descriptor, "RevokeApiClient");
        private static readonly Method<RotateApiClientSecretRequest, RotateApiClientSecretResponse> RotateApiClientSecretMethod = Method<RotateApiClientSecretRequest, RotateApiClientSecretResponse>.Create(Descriptor, "RotateApiClientSecret");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<CreateApiClientResponse> CreateApiClientAsync(CreateApiClientRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateApiClientMethod, options, request);

        public AsyncUnaryCall<ListApiClientsResponse> ListApiClientsAsync(ListApiClientsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListApiClientsMethod, options, request);

        public AsyncUnaryCall<ApiClient> GetApiClientAsync(GetApiClientRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetApiClientMethod, options, request);

        public AsyncUnaryCall<ApiClient> RevokeApiClientAsync(RevokeApiClientRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RevokeApiClientMethod, options, request);

        public AsyncUnaryCall<RotateApiClientSecretResponse> RotateApiClientSecretAsync(RotateApiClientSecretRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RotateApiClientSecretMethod, options, request);
    }
}
