using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Webhooks</c> service: its server base and typed client.</summary>
public static class Webhooks
{
    public static ServiceDescriptor Descriptor => WebhooksReflection.Descriptor.Services[0];

    public abstract class WebhooksBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Webhooks.Descriptor;

        public abstract Task<CreateWebhookResponse> CreateWebhook(CreateWebhookRequest request, ServerCallContext context);

        public abstract Task<Webhook> GetWebhook(GetWebhookRequest request, ServerCallContext context);

        public abstract Task<ListWebhooksResponse> ListWebhooks(ListWebhooksRequest request, ServerCallContext context);

        public abstract Task<Webhook> UpdateWebhook(UpdateWebhookRequest request, ServerCallContext context);

        public abstract Task<DeleteWebhookResponse> DeleteWebhook(DeleteWebhookRequest request, ServerCallContext context);

        public abstract Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context);

        public abstract Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context);

        public abstract Task<WebhookDelivery> SendTestEvent(SendTestEventRequest request, ServerCallContext context);
    }

    public sealed class WebhooksClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<CreateWebhookRequest, CreateWebhookResponse> CreateWebhookMethod = Method<CreateWebhookRequest, CreateWebhookResponse>.Create(Descriptor, "CreateWebhook");
        private static readonly Method<GetWebhookRequest, Webhook> GetWebhookMethod = Method<GetWebhookRequest, Webhook>.Create(Descriptor, "GetWebhook");
        private static readonly Method<ListWebhooksRequest, ListWebhooksResponse> ListWebhooksMethod = Method<ListWebhooksRequest, ListWebhooksResponse>.Create(Descriptor, "ListWebhooks");
        private static readonly Method<UpdateWebhookRequest, Webhook> UpdateWebhookMethod = Method<UpdateWebhookRequest, Webhook>.Create(Descriptor, "UpdateWebhook");
        private static readonly Method<DeleteWebhookRequest, DeleteWebhookResponse> DeleteWebhookMethod = Method<DeleteWebhookRequest, DeleteWebhookResponse>.Create(Descriptor, "DeleteWebhook");
        private static readonly Method<RotateWebhookSecretRequest, RotateWebhookSecretResponse> RotateWebhookSecretMethod = Method<RotateWebhookSecretRequest, RotateWebhookSecretResponse>.Create(Descriptor, "RotateWebhookSecret");
        private static readonly Method<ListWebhookDeliveriesRequest, ListWebhookDeliveriesResponse> ListWebhookDeliveriesMethod = Method<ListWebhookDeliveriesRequest, ListWebhookDeliveriesResponse>.Create(Descriptor, "ListWebhookDeliveries");
        private static readonly Method<SendTestEventRequest, WebhookDelivery> SendTestEventMethod = Method<SendTestEventRequest, WebhookDelivery>.Create(Descriptor, "SendTestEvent");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<CreateWebhookResponse> CreateWebhookAsync(CreateWebhookRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateWebhookMethod, options, request);

        public AsyncUnaryCall<Webhook> GetWebhookAsync(GetWebhookRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetWebhookMethod, options, request);

        public AsyncUnaryCall<ListWebhooksResponse> ListWebhooksAsync(ListWebhooksRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListWebhooksMethod, options, request);

        public AsyncUnaryCall<Webhook> UpdateWebhookAsync(UpdateWebhookRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(UpdateWebhookMethod, options, request);

        public AsyncUnaryCall<DeleteWebhookResponse> DeleteWebhookAsync(DeleteWebhookRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(DeleteWebhookMethod, options, request);

        public AsyncUnaryCall<RotateWebhookSecretResponse> RotateWebhookSecretAsync(RotateWebhookSecretRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RotateWebhookSecretMethod, options, request);

        public AsyncUnaryCall<ListWebhookDeliveriesResponse> ListWebhookDeliveriesAsync(ListWebhookDeliveriesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListWebhookDeliveriesMethod, options, request);

        public AsyncUnaryCall<WebhookDelivery> SendTestEventAsync(SendTestEventRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SendTestEventMethod, options, request);
    }
}
