using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.AssetData</c> service: its server base and typed client.</summary>
public static class AssetData
{
    public static ServiceDescriptor Descriptor => AssetDataReflection.Descriptor.Services[0];

    public abstract class AssetDataBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => AssetData.Descriptor;

        public abstract Task<UploadAssetDataResponse> UploadAssetData(UploadAssetDataRequest request, ServerCallContext context);

        public abstract Task<AssetDataInfo> GetAssetData(GetAssetDataRequest request, ServerCallContext context);

        public abstract Task<ListAssetDataResponse> ListAssetData(ListAssetDataRequest request, ServerCallContext context);

        public abstract Task<DeleteAssetDataResponse> DeleteAssetData(DeleteAssetDataRequest request, ServerCallContext context);
    }

    public sealed class AssetDataClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<UploadAssetDataRequest, UploadAssetDataResponse> UploadAssetDataMethod = Method<UploadAssetDataRequest, UploadAssetDataResponse>.Create(Descriptor, "UploadAssetData");
        private static readonly Method<GetAssetDataRequest, AssetDataInfo> GetAssetDataMethod = Method<GetAssetDataRequest, AssetDataInfo>.Create(Descriptor, "GetAssetData");
        private static readonly Method<ListAssetDataRequest, ListAssetDataResponse> ListAssetDataMethod = Method<ListAssetDataRequest, ListAssetDataResponse>.Create(Descriptor, "ListAssetData");
        private static readonly Method<DeleteAssetDataRequest, DeleteAssetDataResponse> DeleteAssetDataMethod = Method<DeleteAssetDataRequest, DeleteAssetDataResponse>.Create(Descriptor, "DeleteAssetData");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<UploadAssetDataResponse> UploadAssetDataAsync(UploadAssetDataRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(UploadAssetDataMethod, options, request);

        public AsyncUnaryCall<AssetDataInfo> GetAssetDataAsync(GetAssetDataRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetAssetDataMethod, options, request);

        public AsyncUnaryCall<ListAssetDataResponse> ListAssetDataAsync(ListAssetDataRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListAssetDataMethod, options, request);

        public AsyncUnaryCall<DeleteAssetDataResponse> DeleteAssetDataAsync(DeleteAssetDataRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(DeleteAssetDataMethod, options, request);
    }
}
