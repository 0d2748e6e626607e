using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Events</c> service: its server base and typed client.</summary>
public static class Events
{
    public static ServiceDescriptor Descriptor => EventsReflection.Descriptor.Services[0];

    public abstract class EventsBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Events.Descriptor;

        public abstract Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context);

        public abstract Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context);
    }

    public sealed class EventsClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<WatchEventsRequest, Event> WatchEventsMethod = Method<WatchEventsRequest, Event>.Create(Descriptor, "WatchEvents");
        private static readonly Method<ListEventsRequest, ListEventsResponse> ListEventsMethod = Method<ListEventsRequest, ListEventsResponse>.Create(Descriptor, "ListEvents");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncServerStreamingCall<Event> WatchEventsAsync(WatchEventsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncServerStreamingCall(WatchEventsMethod, options, request);

        public AsyncUnaryCall<ListEventsResponse> ListEventsAsync(ListEventsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListEventsMethod, options, request);
    }
}
