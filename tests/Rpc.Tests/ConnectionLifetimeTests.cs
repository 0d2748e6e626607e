using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

public sealed class ConnectionLifetimeTests
{
    [Fact]
    public void Connections_are_renewed_every_five_minutes_by_default() =>
        Assert.Equal(TimeSpan.FromMinutes(5), new GrpcChannelOptions().PooledConnectionLifetime);

    [Fact]
    public async Task A_call_after_the_lifetime_opens_a_new_connection_so_a_changed_address_is_picked_up()
    {
        await using var server = await TestGrpcServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { PooledConnectionLifetime = TimeSpan.FromMilliseconds(200) });
        var client = server.CreateClient(channel);

        await client.EchoAsync(new EchoRequest { Message = "first" });
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await client.EchoAsync(new EchoRequest { Message = "second" });

        Assert.Equal(2, ConnectionsStarted(server));
    }

    [Fact]
    public async Task Calls_within_the_lifetime_share_one_connection()
    {
        await using var server = await TestGrpcServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = server.CreateClient(channel);

        await client.EchoAsync(new EchoRequest { Message = "first" });
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await client.EchoAsync(new EchoRequest { Message = "second" });

        Assert.Equal(1, ConnectionsStarted(server));
    }

    /// <summary>Kestrel logs each connection it starts at Debug, which the test server captures.</summary>
    private static int ConnectionsStarted(TestGrpcServer server) => server.Logs.Lines.Count(line =>
        line.Contains("Kestrel.Connections", StringComparison.Ordinal) && line.EndsWith("started.", StringComparison.Ordinal));
}
