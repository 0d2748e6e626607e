using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Tests.Api;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Push;

/// <summary>Apns:Development: the fake APNs runs inside Core and every tenant gets a push certificate it accepts.</summary>
public sealed class DevelopmentModeTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Development = new() { ["Apns:Development"] = "true" };

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task New_tenants_get_a_development_push_certificate_and_their_devices_can_be_pushed()
    {
        await using var host = await CoreTestHost.StartAsync(_database, Development);
        var tenant = await host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "dev-tenant", DisplayName = "Development" });
        var enrollment = new Contracts.V1.Enrollment.EnrollmentClient(host.Channel.CreateCallInvoker());

        var certificate = await enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id });

        Assert.True(certificate.Development);
        Assert.StartsWith("com.apple.mgmt.External.", certificate.Topic);
        Assert.True(Guid.TryParse(certificate.Topic["com.apple.mgmt.External.".Length..], out _));
        Assert.True(certificate.NotAfter.ToDateTime() > DateTime.UtcNow.AddDays(30));

        var device = (await TestDevices.SeedAsync(host.Services, tenant.Id, 1, certificate.Topic))[0];
        var devices = new Contracts.V1.Devices.DevicesClient(host.Channel.CreateCallInvoker());
        var pushed = await devices.PushDeviceAsync(new PushDeviceRequest { TenantId = tenant.Id, DeviceId = device.Id.ToString() });
        Assert.Equal("delivered", pushed.Outcome);
    }

    [Fact]
    public async Task Existing_tenants_without_a_certificate_get_one_when_development_mode_starts()
    {
        Tenant tenant;
        await using (var production = await CoreTestHost.StartAsync(_database))
        {
            tenant = await production.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "older-tenant", DisplayName = "Older" });
        }

        await using var development = await CoreTestHost.StartAsync(_database, Development);
        var enrollment = new Contracts.V1.Enrollment.EnrollmentClient(development.Channel.CreateCallInvoker());
        var certificate = await enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id });

        Assert.True(certificate.Development);
    }
}
