using System.Diagnostics;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class DeadlineAndCancellationTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    [Fact]
    public async Task Deadline_exceeded_ends_the_call_promptly_and_cancels_the_handler()
    {
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.EchoAsync(
            new EchoRequest { Message = "deadline-1", DelayMs = 10_000 },
            new CallOptions().WithTimeout(TimeSpan.FromMilliseconds(300))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        await Eventually.TrueAsync(() => fixture.Server.State.CancelledEchoes.Contains("deadline-1"));
    }

    [Fact]
    public async Task Server_enforces_the_deadline_the_client_sent()
    {
        // The raw request carries grpc-timeout but no client-side timer, so only the server can end it.
        var response = await RawGrpcRequest.SendAsync(fixture.Server.H2cAddress, "/saasmdm.testing.v1.TestService/Echo",
            RawGrpcRequest.Frame(Google.Protobuf.MessageExtensions.ToByteArray(new EchoRequest { Message = "deadline-2", DelayMs = 10_000 })),
            headers: new Dictionary<string, string> { ["grpc-timeout"] = "200m" });

        Assert.Equal("4", response.GrpcStatus);
        await Eventually.TrueAsync(() => fixture.Server.State.CancelledEchoes.Contains("deadline-2"));
    }

    [Fact]
    public async Task Deadline_already_past_fails_without_sending()
    {
        var calls = fixture.Server.State.Calls;
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.EchoAsync(
            new EchoRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(calls, fixture.Server.State.Calls);
    }

    [Fact]
    public async Task Client_cancellation_is_CANCELLED_and_reaches_the_handler()
    {
        using var cts = new CancellationTokenSource();
        var call = fixture.Client.EchoAsync(new EchoRequest { Message = "cancel-1", DelayMs = 10_000 }, new CallOptions(CancellationToken: cts.Token));
        await Task.Delay(200);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await Eventually.TrueAsync(() => fixture.Server.State.CancelledEchoes.Contains("cancel-1"));
    }

    [Fact]
    public async Task Disposing_a_stream_early_cancels_it()
    {
        var call = fixture.Client.CountAsync(new CountRequest { Count = 1000, DelayMs = 20 });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Stream_deadline_ends_the_stream_with_DEADLINE_EXCEEDED()
    {
        using var call = fixture.Client.CountAsync(new CountRequest { Count = 1000, DelayMs = 50 },
            new CallOptions().WithTimeout(TimeSpan.FromMilliseconds(2000)));
        var received = 0;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(received, 1, 60);
    }
}
