using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.TestService;

namespace SaaSMdm.Rpc.Tests;

/// <summary>One server with default options and one channel to it, shared by a test class.</summary>
public sealed class DefaultServerFixture : IAsyncLifetime
{
    public TestGrpcServer Server { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public TestServiceDefinition.TestServiceClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestGrpcServer.StartAsync();
        Channel = Server.CreateChannel();
        Client = Server.CreateClient(Channel);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Server.DisposeAsync();
    }
}
