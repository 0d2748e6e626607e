using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.TestHosts;
using CommandsClient = SaaSMdm.Contracts.V1.Commands.CommandsClient;
using DevicesClient = SaaSMdm.Contracts.V1.Devices.DevicesClient;
using EnrollmentClient = SaaSMdm.Contracts.V1.Enrollment.EnrollmentClient;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>
/// Core over a test database with a fake APNs of its own (Core trusts its CA through Apns:ServerCertificateAuthorityPath),
/// plus the helpers the API tests share: tenants, push certificates, and devices written as the device side would.
/// </summary>
public class ApiFixture<TProvider> : IAsyncLifetime where TProvider : IProviderChoice
{
    public const string PublicEdgeUrl = "https://edge.example.test";

    /// <summary>Long enough that three enqueues in a row on a slow machine still fall into one window.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(1000);

    private string _caDirectory = null!;

    public FakeApnsServer Apns { get; private set; } = null!;

    public TestPushCertificates PushCertificates { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public CoreTestHost Host { get; private set; } = null!;

    public DevicesClient Devices => new(Host.Channel.CreateCallInvoker());

    public CommandsClient Commands => new(Host.Channel.CreateCallInvoker());

    public EnrollmentClient Enrollment => new(Host.Channel.CreateCallInvoker());

    public AssetData.AssetDataClient AssetData => new(Host.Channel.CreateCallInvoker());

    public Contracts.V1.DeclarativeStatus.DeclarativeStatusClient DeclarativeStatus => new(Host.Channel.CreateCallInvoker());

    public async Task InitializeAsync()
    {
        Apns = await FakeApnsServer.StartAsync();
        PushCertificates = new TestPushCertificates(Apns.CertificateAuthority);
        _caDirectory = Directory.CreateTempSubdirectory("saasmdm-apns-ca-").FullName;
        var caPath = Path.Combine(_caDirectory, "apns-ca.pem");
        using (var ca = Apns.CertificateAuthority.PublicCertificate())
        {
            await File.WriteAllTextAsync(caPath, ca.ExportCertificatePem());
        }

        var settings = new Dictionary<string, string?>
        {
            ["Apns:BaseUrl"] = Apns.BaseAddress.ToString(),
            ["Apns:ServerCertificateAuthorityPath"] = caPath,
            ["Apns:CoalesceMilliseconds"] = ((int)CoalesceWindow.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Tests run the sweep themselves, never on a timer.
            ["Apns:SweepIntervalSeconds"] = "86400",
            ["Enrollment:PublicEdgeUrl"] = PublicEdgeUrl,
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Database = await TestDatabase.CreateAsync(TProvider.Provider);
        Host = await CoreTestHost.StartAsync(Database, settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        await Apns.DisposeAsync();
        PushCertificates.Dispose();
        Directory.Delete(_caDirectory, recursive: true);
    }

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task<Tenant> CreateTenantAsync()
    {
        var slug = $"t-{Guid.NewGuid():N}"[..20];
        return await Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Tenant " + slug });
    }

    /// <summary>A tenant with a push certificate from the fake APNs' CA, uploaded through the API.</summary>
    public async Task<(Tenant Tenant, string Topic)> CreateTenantWithPushCertificateAsync()
    {
        var tenant = await CreateTenantAsync();
        var topic = TestPushCertificates.NewTopic();
        using var certificate = PushCertificates.Issue(topic);
        await Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id,
            Certificate = ByteString.CopyFrom(TestPushCertificates.Pem(certificate)),
        });
        return (tenant, topic);
    }

    public Task<List<EnrollmentEntity>> SeedDevicesAsync(string tenantId, int count, string? topic = null, Action<EnrollmentEntity, int>? shape = null) =>
        TestDevices.SeedAsync(Host.Services, tenantId, count, topic, shape);

    /// <summary>Runs <paramref name="work"/> with a context of the tenant, as a request of that tenant would.</summary>
    public async Task<T> InTenantAsync<T>(string tenantId, Func<CoreDbContext, Task<T>> work)
    {
        await using var scope = TenantScope(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }

    public Task InTenantAsync(string tenantId, Func<CoreDbContext, Task> work) =>
        InTenantAsync(tenantId, async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Records a device's answer through the command queue, as the device side does.</summary>
    public async Task CompleteCommandAsync(string tenantId, Guid enrollmentId, string commandId, CommandResultStatus status, byte[] report)
    {
        await using var scope = TenantScope(tenantId);
        await scope.ServiceProvider.GetRequiredService<ICommandQueue>().CompleteAsync(enrollmentId, commandId, status, report, CancellationToken.None);
    }

    /// <summary>Services of a request that acts for the tenant.</summary>
    public AsyncServiceScope TenantScope(string tenantId) => TestDevices.TenantScope(Host.Services, tenantId);

    /// <summary>Row counts of every table the API writes, across all tenants: equal before and after shows nothing changed.</summary>
    public async Task<string> CountAllAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var counts = new[]
        {
            await db.Enrollments.IgnoreQueryFilters().CountAsync(),
            await db.InventorySnapshots.IgnoreQueryFilters().CountAsync(),
            await db.Commands.IgnoreQueryFilters().CountAsync(),
            await db.CommandQueue.IgnoreQueryFilters().CountAsync(),
            await db.CommandResults.IgnoreQueryFilters().CountAsync(),
            await db.EnrollmentTokens.IgnoreQueryFilters().CountAsync(),
            await db.PushCertificates.IgnoreQueryFilters().CountAsync(),
            await db.AssetData.IgnoreQueryFilters().CountAsync(),
            await db.Tenants.CountAsync(t => t.OpenEnrollment),
        };
        return string.Join(",", counts);
    }
}
