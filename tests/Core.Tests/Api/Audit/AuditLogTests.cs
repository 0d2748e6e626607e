using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using AuditLogClient = SaaSMdm.Contracts.V1.AuditLog.AuditLogClient;
using CommandsClient = SaaSMdm.Contracts.V1.Commands.CommandsClient;
using DeclarationsClient = SaaSMdm.Contracts.V1.Declarations.DeclarationsClient;
using DevicesClient = SaaSMdm.Contracts.V1.Devices.DevicesClient;
using EnrollmentClient = SaaSMdm.Contracts.V1.Enrollment.EnrollmentClient;

namespace SaaSMdm.Core.Tests.Api.Audit;

public sealed class AuditLogOnSqlite(ApiFixture<OnSqlite> fixture) : AuditLogTests<OnSqlite>(fixture);

public sealed class AuditLogOnPostgres(ApiFixture<OnPostgres> fixture) : AuditLogTests<OnPostgres>(fixture);

/// <summary>
/// The audit log over gRPC against real storage: what state-changing calls leave behind (and what reads and
/// unauthenticated calls do not), refusals recorded in the tenant they were aimed at, no secret in any entry, and
/// ListAuditEntries' filters, paging and tenant isolation.
/// </summary>
public abstract class AuditLogTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private const string Passcode = "com.apple.configuration.passcode.settings";
    private const string Loopback = "127.0.0.1";

    private AuditLogClient OperatorAudit => new(fixture.Host.Channel.CreateCallInvoker());

    [Fact]
    public async Task State_changes_are_recorded_with_actor_target_outcome_and_peer_and_reads_are_not()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = await TestApiClient.CreateAsync(fixture.Host, tenant.Id);
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 2);
        var deviceIds = devices.Select(d => d.Id.ToString()).ToList();

        var enqueued = await new CommandsClient(client.Channel.CreateCallInvoker()).EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id,
            DeviceIds = { deviceIds },
            DeviceLock = new DeviceLockCommand { Pin = "402913", Message = "Call the help desk" },
            NoPush = true,
        });
        var declarations = new DeclarationsClient(client.Channel.CreateCallInvoker());
        await declarations.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = "passcode", Type = Passcode, PayloadJson = """{"MinimumLength": 6}""" });
        var token = await new EnrollmentClient(client.Channel.CreateCallInvoker()).CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = tenant.Id, Label = "lab" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => declarations.PutDeclarationAsync(
            new PutDeclarationRequest { TenantId = tenant.Id, Identifier = "bogus", Type = "com.example.no.such.type", PayloadJson = "{}" }).ResponseAsync);
        await ReadsAsync(client.Channel, tenant.Id, deviceIds[0]);

        var entries = (await new AuditLogClient(client.Channel.CreateCallInvoker()).ListAuditEntriesAsync(new ListAuditEntriesRequest { TenantId = tenant.Id })).Entries;

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(
            ["/saasmdm.v1.Declarations/PutDeclaration", "/saasmdm.v1.Enrollment/CreateEnrollmentToken", "/saasmdm.v1.Declarations/PutDeclaration",
             "/saasmdm.v1.Commands/EnqueueCommand", "/saasmdm.v1.Tenants/CreateTenant"],
            entries.Select(e => e.Method));
        Assert.All(entries.Take(4), e => Assert.Equal((AuditActorKind.Client, client.Id.ToString(), client.ClientId, Loopback), (e.ActorKind, e.ActorId, e.ActorName, e.Peer)));
        Assert.All(entries, e => Assert.True(Guid.TryParse(e.Id, out _)));
        Assert.Equal(
            [("INVALID_ARGUMENT", true), ("OK", false), ("OK", false), ("OK", false), ("OK", false)],
            entries.Select(e => (e.Outcome, e.Detail.Length > 0)));
        Assert.Equal(refused.Status.Detail, entries[0].Detail);
        Assert.Equal("identifier=bogus", entries[0].Target);
        Assert.Equal($"token.id={token.Token.Id}", entries[1].Target);
        Assert.Equal("identifier=passcode", entries[2].Target);
        Assert.Equal($"device_ids=[{deviceIds[0]}, {deviceIds[1]}], command=device_lock, command_uuid={enqueued.CommandUuid}", entries[3].Target);
        Assert.Equal(
            (AuditActorKind.Client, TestSecrets.OperatorClientId, $"slug={tenant.Slug}, id={tenant.Id}"),
            (entries[4].ActorKind, entries[4].ActorName, entries[4].Target));
        var everything = entries.ToString();
        Assert.DoesNotContain(token.Secret, everything);
        Assert.DoesNotContain("402913", everything);
        Assert.DoesNotContain("help desk", everything);
        Assert.All(entries, e => Assert.InRange(e.OccurTime.ToDateTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow));
    }

    [Fact]
    public async Task Refusals_of_authenticated_callers_are_recorded_in_the_tenant_they_named_and_unauthenticated_calls_nowhere()
    {
        var tenantA = await fixture.CreateTenantAsync();
        var tenantB = await fixture.CreateTenantAsync();
        using var intruder = await TestApiClient.CreateAsync(fixture.Host, tenantB.Id);
        using var readOnly = await TestApiClient.CreateAsync(fixture.Host, tenantA.Id, ApiScopes.DevicesRead, ApiScopes.DeclarationsRead);
        using var anonymous = GrpcChannel.ForAddress(fixture.Host.GrpcAddress);
        var device = (await fixture.SeedDevicesAsync(tenantA.Id, 1))[0].Id.ToString();
        var entriesBefore = await CountAllEntriesAsync();

        var denied = new[]
        {
            await RefusedAsync(PutDeclaration(intruder.Channel, tenantA.Id)),
            await RefusedAsync(new CommandsClient(intruder.Channel.CreateCallInvoker()).EnqueueCommandAsync(
                new EnqueueCommandRequest { TenantId = tenantA.Id, DeviceIds = { device }, SecurityInfo = new() }).ResponseAsync),
            await RefusedAsync(PutDeclaration(readOnly.Channel, tenantA.Id)),
        };
        var unauthenticated = await RefusedAsync(PutDeclaration(anonymous, tenantA.Id));
        var listedByIntruder = await RefusedAsync(new AuditLogClient(intruder.Channel.CreateCallInvoker()).ListAuditEntriesAsync(
            new ListAuditEntriesRequest { TenantId = tenantA.Id }).ResponseAsync);

        var logA = (await OperatorAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { TenantId = tenantA.Id, Outcome = AuditOutcomeFilter.Failed })).Entries;
        var logB = (await OperatorAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { TenantId = tenantB.Id })).Entries;
        Assert.All(denied, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, listedByIntruder.StatusCode);
        Assert.Equal(
            [
                (readOnly.ClientId, readOnly.Id.ToString(), "/saasmdm.v1.Declarations/PutDeclaration", "PERMISSION_DENIED", denied[2].Status.Detail),
                (intruder.ClientId, intruder.Id.ToString(), "/saasmdm.v1.Commands/EnqueueCommand", "PERMISSION_DENIED", denied[1].Status.Detail),
                (intruder.ClientId, intruder.Id.ToString(), "/saasmdm.v1.Declarations/PutDeclaration", "PERMISSION_DENIED", denied[0].Status.Detail),
            ],
            logA.Select(e => (e.ActorName, e.ActorId, e.Method, e.Outcome, e.Detail)));
        Assert.Equal($"device_ids=[{device}], command=security_info", logA[1].Target);
        Assert.Equal(["/saasmdm.v1.Tenants/CreateTenant"], logB.Select(e => e.Method));
        Assert.Equal(entriesBefore + 3, await CountAllEntriesAsync());
    }

    [Fact]
    public async Task Calls_that_name_no_existing_tenant_are_not_recorded()
    {
        using var stranger = await TestApiClient.CreateAsync(fixture.Host, (await fixture.CreateTenantAsync()).Id);
        var before = await CountAllEntriesAsync();

        var badSlug = await RefusedAsync(fixture.Host.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = "-", DisplayName = "x" }).ResponseAsync);
        var unknownTenant = await RefusedAsync(PutDeclaration(fixture.Host.Channel, Guid.NewGuid().ToString()));
        var strangerUnknownTenant = await RefusedAsync(PutDeclaration(stranger.Channel, Guid.NewGuid().ToString()));
        var malformedTenant = await RefusedAsync(PutDeclaration(fixture.Host.Channel, "tenant-a"));

        Assert.Equal(
            [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.PermissionDenied, StatusCode.InvalidArgument],
            new[] { badSlug, unknownTenant, strangerUnknownTenant, malformedTenant }.Select(e => e.StatusCode));
        Assert.Equal(before, await CountAllEntriesAsync());
    }

    [Fact]
    public async Task Filters_select_by_actor_method_outcome_target_and_time_and_pages_cover_every_entry_once()
    {
        var tenant = await fixture.CreateTenantAsync();
        var seeded = await SeedEntriesAsync(tenant.Id, 40, DateTime.UtcNow.AddDays(-2));
        var alice = seeded.First(e => e.ActorName == "alice@example.com");
        var window = (From: seeded[10].OccurredAt, Until: seeded[30].OccurredAt);

        var everything = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, PageSize = 1000 });
        var paged = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, PageSize = 7 });
        var byName = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Actor = "alice@example.com" });
        var byId = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Actor = alice.ActorId.ToString() });
        var byShortName = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Method = "EnqueueCommand" });
        var byServiceAndName = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Method = "Commands/EnqueueCommand" });
        var byPath = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Method = "/saasmdm.v1.Commands/EnqueueCommand" });
        var failed = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Outcome = AuditOutcomeFilter.Failed });
        var succeeded = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, Outcome = AuditOutcomeFilter.Ok });
        var aboutDevice = await ListAllAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, TargetContains = "DEVICE-7" });
        var inWindow = await ListAllAsync(new ListAuditEntriesRequest
        {
            TenantId = tenant.Id, StartTime = Timestamp.FromDateTime(window.From), EndTime = Timestamp.FromDateTime(window.Until),
        });
        var combined = await ListAllAsync(new ListAuditEntriesRequest
        {
            TenantId = tenant.Id, PageSize = 2, Actor = "alice@example.com", Method = "EnqueueCommand", Outcome = AuditOutcomeFilter.Ok,
        });

        var newestFirst = seeded.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id.ToString()).ToList();
        Assert.Equal(["/saasmdm.v1.Tenants/CreateTenant", .. Enumerable.Repeat("seeded", 40)], everything.Select(e => e.Method.StartsWith("/saasmdm.v1.Tenants", StringComparison.Ordinal) ? e.Method : "seeded"));
        Assert.Equal(newestFirst, everything.Skip(1).Select(e => e.Id));
        Assert.Equal(everything.Select(e => e.Id), paged.Select(e => e.Id));
        Assert.Equal(Ids(seeded.Where(e => e.ActorName == "alice@example.com")), Ids(byName));
        Assert.Equal(Ids(byName), Ids(byId));
        Assert.Equal(Ids(seeded.Where(e => e.Method == "/saasmdm.v1.Commands/EnqueueCommand")), Ids(byShortName));
        Assert.Equal(Ids(byShortName), Ids(byServiceAndName));
        Assert.Equal(Ids(byShortName), Ids(byPath));
        Assert.Equal(Ids(seeded.Where(e => e.Outcome != "OK")), Ids(failed));
        Assert.Equal(everything.Count - failed.Count, succeeded.Count);
        Assert.Equal(Ids(seeded.Where(e => e.Target.Contains("device-7", StringComparison.Ordinal))), Ids(aboutDevice));
        Assert.Equal(Ids(seeded.Where(e => e.OccurredAt >= window.From && e.OccurredAt < window.Until)), Ids(inWindow));
        Assert.Equal(
            Ids(seeded.Where(e => e.ActorName == "alice@example.com" && e.Method.EndsWith("/EnqueueCommand", StringComparison.Ordinal) && e.Outcome == "OK")),
            Ids(combined));
        Assert.NotEmpty(combined);
        Assert.NotEmpty(aboutDevice);
    }

    [Fact]
    public async Task Page_size_defaults_to_100_and_is_capped_at_1000()
    {
        var tenant = await fixture.CreateTenantAsync();
        await SeedEntriesAsync(tenant.Id, 1001, DateTime.UtcNow.AddDays(-3));

        var byDefault = await OperatorAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { TenantId = tenant.Id });
        var capped = await OperatorAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, PageSize = 5000 });
        var rest = await OperatorAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { TenantId = tenant.Id, PageSize = 5000, PageToken = capped.NextPageToken });

        Assert.Equal((100, true), (byDefault.Entries.Count, byDefault.NextPageToken.Length > 0));
        Assert.Equal((1000, true), (capped.Entries.Count, capped.NextPageToken.Length > 0));
        Assert.Equal((2, ""), (rest.Entries.Count, rest.NextPageToken));
    }

    [Fact]
    public async Task Malformed_requests_are_INVALID_ARGUMENT()
    {
        var tenant = await fixture.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var requests = new[]
        {
            new ListAuditEntriesRequest { TenantId = tenant.Id, PageToken = "not a token!" },
            new ListAuditEntriesRequest { TenantId = tenant.Id, PageToken = global::SaaSMdm.Core.Tenants.PageToken.Create("123|not-a-guid") },
            new ListAuditEntriesRequest { TenantId = tenant.Id, PageSize = -1 },
            new ListAuditEntriesRequest { TenantId = tenant.Id, Method = "NoSuchRpc" },
            new ListAuditEntriesRequest { TenantId = tenant.Id, Method = "ListDevices" },
            new ListAuditEntriesRequest { TenantId = tenant.Id, Outcome = (AuditOutcomeFilter)7 },
            new ListAuditEntriesRequest { TenantId = tenant.Id, Actor = new string('a', 257) },
            new ListAuditEntriesRequest { TenantId = tenant.Id, StartTime = Timestamp.FromDateTime(now), EndTime = Timestamp.FromDateTime(now) },
            new ListAuditEntriesRequest { TenantId = tenant.Id, StartTime = new Timestamp { Seconds = long.MaxValue } },
        };

        foreach (var request in requests)
        {
            var error = await RefusedAsync(OperatorAudit.ListAuditEntriesAsync(request).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{request}: {error.StatusCode} {error.Status.Detail}");
        }
    }

    private static Task PutDeclaration(GrpcChannel channel, string tenantId) =>
        new DeclarationsClient(channel.CreateCallInvoker()).PutDeclarationAsync(
            new PutDeclarationRequest { TenantId = tenantId, Identifier = "x", Type = Passcode, PayloadJson = "{}" }).ResponseAsync;

    private static async Task ReadsAsync(GrpcChannel channel, string tenantId, string deviceId)
    {
        await new DevicesClient(channel.CreateCallInvoker()).ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId });
        await new DevicesClient(channel.CreateCallInvoker()).GetDeviceAsync(new GetDeviceRequest { TenantId = tenantId, DeviceId = deviceId });
        await new DeclarationsClient(channel.CreateCallInvoker()).GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenantId, Identifier = "passcode" });
        await new EnrollmentClient(channel.CreateCallInvoker()).ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = tenantId });
    }

    private static async Task<RpcException> RefusedAsync(Task call) => await Assert.ThrowsAsync<RpcException>(() => call);

    private static List<string> Ids(IEnumerable<AuditEntryEntity> entries) => entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id.ToString()).ToList();

    private static List<string> Ids(IEnumerable<AuditEntry> entries) => entries.Select(e => e.Id).ToList();

    /// <summary>Every page of a listing, following next_page_token.</summary>
    private async Task<List<AuditEntry>> ListAllAsync(ListAuditEntriesRequest request)
    {
        var entries = new List<AuditEntry>();
        do
        {
            var page = await OperatorAudit.ListAuditEntriesAsync(request);
            entries.AddRange(page.Entries);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return entries;
    }

    /// <summary>
    /// Entries of three actors, four RPCs and mixed outcomes, a minute apart from <paramref name="start"/> on; every
    /// fifth shares its predecessor's time, so ties are broken by id.
    /// </summary>
    private async Task<List<AuditEntryEntity>> SeedEntriesAsync(string tenantId, int count, DateTime start)
    {
        string[] actors = ["alice@example.com", "ci-client", "bob@example.com"];
        string[] methods = ["/saasmdm.v1.Commands/EnqueueCommand", "/saasmdm.v1.Declarations/PutDeclaration", "/saasmdm.v1.Devices/RemoveDevice", "/saasmdm.v1.Enrollment/CreateEnrollmentToken"];
        var actorIds = actors.ToDictionary(a => a, _ => Guid.NewGuid());
        var entries = Enumerable.Range(0, count).Select(i =>
        {
            var at = TestDevices.Micro(start.AddMinutes(i % 5 == 4 ? i - 1 : i));
            return new AuditEntryEntity
            {
                Id = Guid.CreateVersion7(at),
                TenantId = Guid.Parse(tenantId),
                OccurredAt = at,
                ActorKind = i % 3 == 1 ? CallerKind.Client : CallerKind.Person,
                ActorId = actorIds[actors[i % 3]],
                ActorName = actors[i % 3],
                Method = methods[i % 4],
                Target = $"device_id=device-{i}",
                Outcome = i % 6 == 5 ? "PERMISSION_DENIED" : "OK",
                Detail = i % 6 == 5 ? "denied" : "",
                Peer = "192.0.2.10",
            };
        }).ToList();
        await fixture.InTenantAsync(tenantId, async db =>
        {
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
        });
        return entries;
    }

    private async Task<int> CountAllEntriesAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().AuditEntries.IgnoreQueryFilters().CountAsync();
    }
}
