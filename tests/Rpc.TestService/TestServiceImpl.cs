using Google.Protobuf;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Rpc.TestService;

public sealed class TestServiceImpl(TestServiceState state) : TestServiceDefinition.TestServiceBase
{
    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        state.CountCall();
        await DelayAsync(request, context).ConfigureAwait(false);
        await EchoMetadataAsync(context).ConfigureAwait(false);
        if (request.ThrowUnexpected)
        {
            throw new InvalidOperationException("secret internal detail");
        }

        if (request.FailCode != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailCode, request.FailMessage), new Metadata().Add("x-fail-trailer", "failed"));
        }

        var reply = new EchoReply
        {
            Message = request.Message,
            Payload = request.ReplyPayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ReplyPayloadSize]) : request.Payload,
        };
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal) && !e.IsBinary))
        {
            reply.RequestMetadata[entry.Key] = entry.Value;
        }

        foreach (var (key, value) in context.UserState)
        {
            if (key is string name && value is string text)
            {
                reply.UserState[name] = text;
            }
        }

        return reply;
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context)
    {
        state.CountCall();
        for (var i = 1; i <= request.Count; i++)
        {
            if (request.FailAfter > 0 && i > request.FailAfter)
            {
                throw new RpcException(new Status(StatusCode.Aborted, $"stopped after {request.FailAfter}"));
            }

            if (request.DelayMs > 0)
            {
                await Task.Delay(request.DelayMs, context.CancellationToken).ConfigureAwait(false);
            }

            await responseStream.WriteAsync(new CountReply { Number = i }).ConfigureAwait(false);
        }
    }

    public override Task<StatsReply> Stats(StatsRequest request, ServerCallContext context) =>
        Task.FromResult(new StatsReply { AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true), Calls = state.Calls });

    private async Task DelayAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(request.DelayMs, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            state.CancelledEchoes.Enqueue(request.Message);
            throw;
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("x-test-header") is { } header)
        {
            await context.WriteResponseHeadersAsync(new Metadata().Add("x-reply-header", header)).ConfigureAwait(false);
            context.ResponseTrailers.Add("x-reply-trailer", header);
        }

        if (context.RequestHeaders.GetValueBytes("x-test-bin") is { } bytes)
        {
            context.ResponseTrailers.Add("x-reply-bin", bytes);
        }
    }
}
