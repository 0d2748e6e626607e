using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.SampleClient;

/// <summary>
/// Watches a tenant's events for a while. A stream the server ends, or a lost connection, resumes after the last
/// cursor seen, so no event is missed or repeated; a server without the Events service is reported, not fatal.
/// </summary>
public static class EventWatch
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    // The sample binds WatchEvents itself (checked against events.proto when the handle is made); with a typed
    // Events client in src/Contracts this becomes new Events.EventsClient(invoker).WatchEvents(request, options).
    private static readonly Method<WatchEventsRequest, Event> WatchEventsMethod =
        Method<WatchEventsRequest, Event>.Create(EventsReflection.Descriptor.Services[0], "WatchEvents");

    public static async Task RunAsync(CallInvoker invoker, string tenantId, TimeSpan duration, TextWriter output, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + duration;
        var seen = new Progress();
        while (DateTime.UtcNow < until)
        {
            var request = new WatchEventsRequest { TenantId = tenantId, AfterCursor = seen.Cursor };
            var ending = await WatchOnceAsync(invoker, request, new CallOptions(Deadline: until, CancellationToken: cancellationToken), output, seen);
            if (ending.StatusCode == StatusCode.DeadlineExceeded)
            {
                break;
            }

            if (ending.StatusCode == StatusCode.Unimplemented)
            {
                await output.WriteLineAsync($"events unavailable: this server does not implement WatchEvents ({ending.Detail})");
                return;
            }

            await output.WriteLineAsync($"events reconnecting after {ending.StatusCode}");
            var remaining = until - DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(remaining.Ticks, 0, ReconnectDelay.Ticks)), cancellationToken);
        }

        await output.WriteLineAsync($"events done count={seen.Count} cursor={SampleRun.OrDash(seen.Cursor)}");
    }

    /// <summary>Prints events until the stream ends; other failures than the ones the watch handles are thrown.</summary>
    private static async Task<Status> WatchOnceAsync(CallInvoker invoker, WatchEventsRequest request, CallOptions options, TextWriter output, Progress seen)
    {
        using var call = invoker.AsyncServerStreamingCall(WatchEventsMethod, options, request);
        try
        {
            await foreach (var received in call.ResponseStream.ReadAllAsync(options.CancellationToken))
            {
                seen.Count++;
                seen.Cursor = received.Cursor;
                await output.WriteLineAsync($"event {received.Type} {received.Cursor} device={SampleRun.OrDash(received.DeviceId)}");
            }

            return call.GetStatus();
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable or StatusCode.Unimplemented)
        {
            return error.Status;
        }
    }

    private sealed class Progress
    {
        public int Count { get; set; }

        public string Cursor { get; set; } = "";
    }
}
