using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tests.Api;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Samples;

/// <summary>A tenant with one enrolled device and an API client of its own, as a tenant admin would set it up for an integration.</summary>
public sealed record SampleTenant(string TenantId, string DeviceId, string ClientId, string ClientSecret)
{
    /// <summary>What the samples need and nothing more.</summary>
    public const string Scopes = $"{ApiScopes.DevicesRead} {ApiScopes.CommandsWrite} {ApiScopes.CommandsRead} {ApiScopes.EventsRead}";

    /// <param name="operatorChannel">A channel to <paramref name="host"/>'s API with the operator client's tokens.</param>
    public static async Task<SampleTenant> CreateAsync(CoreTestHost host, GrpcChannel operatorChannel)
    {
        var slug = $"s-{Guid.NewGuid():N}"[..20];
        var tenant = await new Contracts.V1.Tenants.TenantsClient(operatorChannel.CreateCallInvoker())
            .CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Samples " + slug });
        var device = (await TestDevices.SeedAsync(host.Services, tenant.Id, 1))[0];

        var client = await new TestCallers(host).CreateClientAsync(Guid.Parse(tenant.Id), Scopes.Split(' '));
        return new SampleTenant(tenant.Id, device.Id.ToString(), client.ClientId, client.Secret);
    }

    /// <summary>The commands queued for the tenant's device, as the API lists them.</summary>
    public async Task<IReadOnlyList<DeviceCommand>> CommandsAsync(GrpcChannel operatorChannel)
    {
        var commands = new Contracts.V1.Commands.CommandsClient(operatorChannel.CreateCallInvoker());
        var page = await commands.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = TenantId, DeviceId = DeviceId });
        return page.Commands;
    }
}
