using SaaSMdm.Contracts.Auth;
using SaaSMdm.SampleClient;
using SaaSMdm.TestHosts;
using Xunit.Abstractions;

namespace SaaSMdm.Core.Tests.Samples;

/// <summary>
/// The API samples in samples/ work against a real Core (cleartext HTTP/2, as on loopback or inside a cluster): the
/// Node one (grpc-js from npm) as a separate process, the C# one in-process. Each acts as a tenant's API client.
/// </summary>
public sealed class SamplesTests(CoreFixture<OnSqlite> fixture, ITestOutputHelper log) : IClassFixture<CoreFixture<OnSqlite>>
{
    private CoreTestHost Host => fixture.Host;

    private string GrpcHostAndPort => $"{Host.GrpcAddress.Host}:{Host.GrpcAddress.Port}";

    [Fact]
    public async Task Node_sample_gets_a_token_lists_devices_and_queues_a_command()
    {
        var tenant = await SampleTenant.CreateAsync(Host, Host.Channel);

        var result = await NodeSample.RunAsync(GrpcHostAndPort, Host.HttpAddress, tenant, tenant.ClientSecret, log);

        Assert.True(result.ExitCode == 0, result.ToString());
        await SampleOutput.AssertRanAsync(tenant, result.StandardOutput, Host.Channel);
    }

    [Fact]
    public async Task CSharp_sample_gets_a_token_lists_devices_and_queues_a_command()
    {
        var tenant = await SampleTenant.CreateAsync(Host, Host.Channel);
        using var output = new StringWriter();

        await SampleRun.RunAsync(OptionsFor(tenant, tenant.ClientSecret), output);

        log.WriteLine(output.ToString());
        await SampleOutput.AssertRanAsync(tenant, output.ToString(), Host.Channel);
    }

    [Fact]
    public async Task Node_sample_with_a_wrong_secret_fails_with_invalid_client_and_queues_nothing()
    {
        var tenant = await SampleTenant.CreateAsync(Host, Host.Channel);

        var result = await NodeSample.RunAsync(GrpcHostAndPort, Host.HttpAddress, tenant, "not-the-secret", log);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("token error invalid_client", result.StandardError);
        Assert.DoesNotContain("token ok", result.StandardOutput);
        Assert.Empty(await tenant.CommandsAsync(Host.Channel));
    }

    [Fact]
    public async Task CSharp_sample_with_a_wrong_secret_fails_with_invalid_client_and_queues_nothing()
    {
        var tenant = await SampleTenant.CreateAsync(Host, Host.Channel);
        using var output = new StringWriter();

        var error = await Assert.ThrowsAsync<TokenEndpointException>(() => SampleRun.RunAsync(OptionsFor(tenant, "not-the-secret"), output));

        Assert.Equal("invalid_client", error.Error);
        Assert.Empty(output.ToString());
        Assert.Empty(await tenant.CommandsAsync(Host.Channel));
    }

    [Fact]
    public async Task Node_sample_of_one_tenant_cannot_reach_another_tenants_devices()
    {
        var tenant = await SampleTenant.CreateAsync(Host, Host.Channel);
        var other = await SampleTenant.CreateAsync(Host, Host.Channel);

        var result = await NodeSample.RunAsync(GrpcHostAndPort, Host.HttpAddress, tenant with { TenantId = other.TenantId }, tenant.ClientSecret, log);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("token ok", result.StandardOutput);
        Assert.Contains("rpc error PERMISSION_DENIED", result.StandardError);
        Assert.DoesNotContain("devices ", result.StandardOutput);
        Assert.Empty(await other.CommandsAsync(Host.Channel));
    }

    private SampleOptions OptionsFor(SampleTenant tenant, string secret) =>
        new(Host.GrpcAddress, Host.HttpAddress, tenant.ClientId, secret, tenant.TenantId, TimeSpan.FromSeconds(1));
}
