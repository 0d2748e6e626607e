using System.Net;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using SaaSMdm.Contracts.Gateway;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Interceptors;
using SaaSMdm.TestSupport;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests;

public sealed class HealthAndGatewayTests(CoreFixture<OnSqlite> fixture) : IClassFixture<CoreFixture<OnSqlite>>
{
    private CoreTestHost Host => fixture.Host;

    private HealthClient Health => new(Host.Channel.CreateCallInvoker());

    [Theory]
    [InlineData("")]
    [InlineData("saasmdm.v1.Tenants")]
    [InlineData("saasmdm.internal.v1.DeviceGateway")]
    public async Task Health_check_is_SERVING_for_the_server_and_its_services(string service)
    {
        var reply = await Health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Health_check_of_an_unknown_service_is_NOT_FOUND()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Health_watch_sends_the_current_status_first()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = Health.WatchAsync(new HealthCheckRequest(), new CallOptions(CancellationToken: cts.Token));

        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Health_check_from_grpc_js()
    {
        var result = await ExternalTool.RunAsync("node",
            RepositoryPaths.Combine("tests", "Interop", "node", "client.js"), $"127.0.0.1:{Host.GrpcAddress.Port}", "health",
            RepositoryPaths.Combine("protos", "grpc", "health", "v1", "health.proto"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"status\":\"SERVING\"", result.StandardOutput);
    }

    [Fact]
    public async Task Http_probes_answer()
    {
        using var http = new HttpClient { BaseAddress = Host.HttpAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Gateway_resolves_a_known_tenant_and_refuses_unknown_and_malformed_slugs()
    {
        var tenant = await Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "gateway-test", DisplayName = "Gateway Test" });

        var resolved = await Host.Gateway.ResolveTenantAsync(new ResolveTenantRequest { Slug = "gateway-test" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Host.Gateway.ResolveTenantAsync(new ResolveTenantRequest { Slug = "nobody-here" }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Host.Gateway.ResolveTenantAsync(new ResolveTenantRequest { Slug = "'; DROP TABLE tenants; --" }).ResponseAsync);

        Assert.Equal(tenant.Id, resolved.TenantId);
        Assert.Equal("Gateway Test", resolved.DisplayName);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Gateway_refuses_callers_without_the_gateway_secret()
    {
        var withoutKey = new DeviceGateway.DeviceGatewayClient(Host.Channel.CreateCallInvoker());
        var wrongKey = new DeviceGateway.DeviceGatewayClient(Host.Channel.CreateCallInvoker()
            .Intercept(metadata => metadata.Add(GatewayCredentials.MetadataKey, "not-the-secret-not-the-secret-not-it")));

        var missing = await Assert.ThrowsAsync<RpcException>(() => withoutKey.ResolveTenantAsync(new ResolveTenantRequest { Slug = "gateway-test" }).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => wrongKey.ResolveTenantAsync(new ResolveTenantRequest { Slug = "gateway-test" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
    }
}
