using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments.LastSeen;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>
/// Core on <typeparamref name="TProvider"/> for one test class, with last-seen flushing left to the tests, and the
/// tenant set-up the public API will do (push certificate, enrollment tokens) written straight to the database.
/// </summary>
public class GatewayFixture<TProvider> : IGatewayFixture, IAsyncLifetime where TProvider : IProviderChoice
{
    private readonly Lazy<RSA> _deviceKey = new(() => RSA.Create(2048));
    private readonly Lazy<Task<TestTenant>> _sharedTenant;
    private readonly Lazy<Task<TestTenant>> _otherTenant;

    public GatewayFixture()
    {
        _sharedTenant = new(() => CreateTenantAsync());
        _otherTenant = new(() => CreateTenantAsync());
    }

    public TestDatabase Database { get; private set; } = null!;

    public CoreTestHost Host { get; private set; } = null!;

    /// <summary>One key for every test device of the class: key generation is slow, and certificates still differ.</summary>
    public RSA DeviceKey => _deviceKey.Value;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TProvider.Provider);
        Host = await StartHostAsync(3600);
    }

    /// <summary>Stops Core (as a deployment would) and starts it again on the same database.</summary>
    public async Task RestartAsync(int lastSeenFlushSeconds = 3600)
    {
        await Host.DisposeAsync();
        Host = await StartHostAsync(lastSeenFlushSeconds);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        if (_deviceKey.IsValueCreated)
        {
            _deviceKey.Value.Dispose();
        }
    }

    /// <summary>Settings a derived fixture adds to the host's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    private Task<CoreTestHost> StartHostAsync(int lastSeenFlushSeconds) =>
        CoreTestHost.StartAsync(Database, new Dictionary<string, string?>(ExtraSettings) { ["Devices:LastSeenFlushSeconds"] = lastSeenFlushSeconds.ToString() });

    /// <summary>
    /// A tenant with a push certificate that the tests of a class share: each tenant costs a CA key, and tests of a
    /// class run one after another, so a snapshot of the tenant still shows what one request changed.
    /// </summary>
    public Task<TestTenant> SharedTenantAsync() => _sharedTenant.Value;

    /// <summary>A second shared tenant, for requests that must not reach across tenants.</summary>
    public Task<TestTenant> OtherTenantAsync() => _otherTenant.Value;

    /// <param name="pushTopic">The tenant's push certificate topic; null for a tenant without one.</param>
    public async Task<TestTenant> CreateTenantAsync(string? pushTopic = "", bool openEnrollment = false)
    {
        var slug = "t-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = $"Tenant {slug}" });
        var tenant = new TestTenant(this, Guid.Parse(created.Id), slug, pushTopic == "" ? $"com.apple.mgmt.External.{Guid.NewGuid()}" : pushTopic);
        await InTenantAsync(tenant.Id, async (db, _) =>
        {
            if (tenant.Topic is { } topic)
            {
                db.PushCertificates.Add(new PushCertificateEntity
                {
                    TenantId = tenant.Id,
                    Topic = topic,
                    CertificateDer = [0x30],
                    ProtectedPrivateKey = "not used by the gateway",
                    NotBefore = DateTime.UtcNow.AddDays(-1),
                    NotAfter = DateTime.UtcNow.AddDays(365),
                    UploadedAt = DateTime.UtcNow,
                });
            }

            var row = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            row.OpenEnrollment = openEnrollment;
            await db.SaveChangesAsync();
        });
        return tenant;
    }

    /// <summary>Runs <paramref name="work"/> with services scoped to the tenant, as a request of that tenant would.</summary>
    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<CoreDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<CoreDbContext>(), scope.ServiceProvider);
    }

    public Task InTenantAsync(Guid tenantId, Func<CoreDbContext, IServiceProvider, Task> work) =>
        InTenantAsync(tenantId, async (db, services) =>
        {
            await work(db, services);
            return true;
        });

    public Task<T> ReadAsync<T>(Guid tenantId, Func<CoreDbContext, Task<T>> query) => InTenantAsync(tenantId, (db, _) => query(db));

    public Task<EnrollmentEntity?> FindEnrollmentAsync(Guid tenantId, string channelId) =>
        ReadAsync(tenantId, db => db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.ChannelId == channelId));

    /// <summary>Queues <paramref name="command"/> for the enrollments, as the commands API will.</summary>
    public Task EnqueueAsync(Guid tenantId, CommandRequest command, params Guid[] enrollmentIds) =>
        InTenantAsync(tenantId, (_, services) => services.GetRequiredService<ICommandQueue>().EnqueueAsync(
            new CommandEntity
            {
                Id = command.CommandUuid,
                TenantId = tenantId,
                RequestType = command.RequestType,
                Plist = command.ToXml(),
                CreatedAt = DateTime.UtcNow,
            },
            enrollmentIds,
            CancellationToken.None));

    public Task<int> FlushLastSeenAsync() => Host.Services.GetRequiredService<LastSeenFlusher>().FlushAsync(CancellationToken.None);

    /// <summary>Every device-management row of the tenant, to show that a refused request changed nothing.</summary>
    public Task<string> SnapshotAsync(Guid tenantId) => ReadAsync(tenantId, async db => JsonSerializer.Serialize(new object[]
    {
        await db.Enrollments.AsNoTracking().OrderBy(e => e.ChannelId).ToListAsync(),
        await db.EnrollmentTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(),
        await db.ScepChallenges.AsNoTracking().OrderBy(c => c.Id).ToListAsync(),
        await db.InventorySnapshots.AsNoTracking().OrderBy(s => s.EnrollmentId).ThenBy(s => s.Kind).ToListAsync(),
        await db.CommandQueue.AsNoTracking().OrderBy(q => q.EnrollmentId).ThenBy(q => q.CommandId).ToListAsync(),
        await db.CommandResults.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
    }));
}

/// <summary>What test tenants and devices need from the fixture, whatever its provider.</summary>
public interface IGatewayFixture
{
    CoreTestHost Host { get; }

    RSA DeviceKey { get; }

    Task<T> InTenantAsync<T>(Guid tenantId, Func<CoreDbContext, IServiceProvider, Task<T>> work);

    Task InTenantAsync(Guid tenantId, Func<CoreDbContext, IServiceProvider, Task> work);
}
