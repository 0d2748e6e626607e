using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;
using SaaSMdm.TestHosts;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Devices;

/// <summary>
/// One Core, one portal and one tenant for the device pages' tests, with a signed-in admin, help desk and read-only
/// person, and a second tenant whose devices none of them may reach. Tests seed their own devices and tell them apart
/// by a name prefix of their own.
/// </summary>
public sealed class DevicePortalFixture : IAsyncLifetime
{
    private readonly CoreFixture<OnSqlite> _core = new();

    public CoreTestHost Core => _core.Host;

    public PortalTestHost Portal { get; private set; } = null!;

    public Tenant Tenant { get; private set; } = null!;

    public Tenant OtherTenant { get; private set; } = null!;

    public PortalHttpSession Admin { get; private set; } = null!;

    public PortalHttpSession HelpDesk { get; private set; } = null!;

    public PortalHttpSession ReadOnly { get; private set; } = null!;

    /// <summary>Core's Commands API as the operator, to check what is queued.</summary>
    public Commands.CommandsClient Commands => new(Core.Channel.CreateCallInvoker());

    public SaaSMdm.Contracts.V1.Devices.DevicesClient Devices => new(Core.Channel.CreateCallInvoker());

    public string DevicesPath => $"/t/{Tenant.Slug}/devices";

    public async Task InitializeAsync()
    {
        await _core.InitializeAsync();
        Portal = await PortalTestHost.StartAsync(Core.GrpcAddress, Core.HttpAddress);
        Tenant = await Core.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "device-pages", DisplayName = "Device Pages" });
        OtherTenant = await Core.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "other-fleet", DisplayName = "Other Fleet" });
        var tenantId = Guid.Parse(Tenant.Id);
        Admin = await PortalHttpSession.SignedInAsync(Portal.Address, await TestPeople.CreateAsync(Core.Services, tenantId, EntityRole.Admin));
        HelpDesk = await PortalHttpSession.SignedInAsync(Portal.Address, await TestPeople.CreateAsync(Core.Services, tenantId, EntityRole.HelpDesk));
        ReadOnly = await PortalHttpSession.SignedInAsync(Portal.Address, await TestPeople.CreateAsync(Core.Services, tenantId, EntityRole.ReadOnly));
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        HelpDesk.Dispose();
        ReadOnly.Dispose();
        await Portal.DisposeAsync();
        await _core.DisposeAsync();
    }

    /// <summary>Enrolled iPhones named "{prefix} 0", "{prefix} 1", ...; a higher index enrolled later.</summary>
    public Task<List<EnrollmentEntity>> SeedDevicesAsync(string prefix, int count, Action<EnrollmentEntity, int>? shape = null, string? tenantId = null) =>
        TestDevices.SeedAsync(_core.Host.Services, tenantId ?? Tenant.Id, count, shape: (device, i) =>
        {
            device.SerialNumber = $"SN{prefix}{i:D4}".ToUpperInvariant();
            device.DeviceName = $"{prefix} {i}";
            shape?.Invoke(device, i);
        });

    /// <summary>Gives each device an unlock token, as its TokenUpdate would, so ClearPasscode can be built for it.</summary>
    public void GiveUnlockToken(EnrollmentEntity device) =>
        device.ProtectedUnlockToken = Core.Services.GetRequiredService<SecretProtector>().Protect(SecretPurpose.UnlockToken, Guid.NewGuid().ToByteArray());

    /// <summary>Stores inventory answers as the device side leaves them: RequestType → JSON under Apple's key.</summary>
    public Task AddInventoryAsync(EnrollmentEntity device, IReadOnlyDictionary<string, string> answers) =>
        InTenantAsync(device.TenantId, db =>
        {
            db.InventorySnapshots.AddRange(answers.Select(answer => new InventorySnapshotEntity
            {
                EnrollmentId = device.Id, TenantId = device.TenantId, Kind = answer.Key, Json = answer.Value, UpdatedAt = DateTime.UtcNow,
            }));
            return db.SaveChangesAsync();
        });

    /// <summary>The RequestTypes of a device's commands, as Core's API lists them.</summary>
    public async Task<List<DeviceCommand>> CommandsOfAsync(EnrollmentEntity device, string? tenantId = null) =>
        [.. (await Commands.ListDeviceCommandsAsync(new ListDeviceCommandsRequest { TenantId = tenantId ?? Tenant.Id, DeviceId = device.Id.ToString(), PageSize = 500 })).Commands];

    /// <summary>The command as Core stored it to send (XML plist text).</summary>
    public async Task<string> CommandPlistAsync(string commandUuid)
    {
        var plist = "";
        await InTenantAsync(Guid.Parse(Tenant.Id), async db =>
            plist = System.Text.Encoding.UTF8.GetString((await db.Commands.SingleAsync(c => c.Id == commandUuid)).Plist));
        return plist;
    }

    private async Task InTenantAsync(Guid tenantId, Func<CoreDbContext, Task> work)
    {
        await using var scope = Core.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
        await work(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }
}
