using Microsoft.EntityFrameworkCore;
using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tests.Api;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;

namespace SaaSMdm.Core.Tests.Push;

public sealed class PushOnSqlite(ApiFixture<OnSqlite> fixture) : PushTests<OnSqlite>(fixture);

public sealed class PushOnPostgres(ApiFixture<OnPostgres> fixture) : PushTests<OnPostgres>(fixture);

/// <summary>Pushes from Core to a fake APNs, with a push certificate issued by the fake's CA and uploaded through the API.</summary>
public abstract class PushTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private FakeApnsServer Apns => fixture.Apns;

    [Fact]
    public async Task Enqueue_pushes_each_target_once_with_its_topic_token_and_magic_and_records_the_push()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3, topic);
        var before = DateTime.UtcNow.AddSeconds(-1);

        await EnqueueAsync(tenant.Id, devices);

        var pushes = await PushesToAsync(devices, devices.Count);
        foreach (var device in devices)
        {
            var push = Assert.Single(pushes, p => p.DeviceToken == Convert.ToHexStringLower(device.PushToken!));
            Assert.Equal(topic, push.Topic);
            Assert.Equal(device.PushMagic, push.PushMagic);
            Assert.Contains(topic, push.ClientCertificateSubject);
            Assert.Equal(10, push.Priority);
        }

        await AssertEventuallyAsync(async () =>
        {
            var lastPushes = await fixture.InTenantAsync(tenant.Id, db => db.Enrollments.Select(e => e.LastPushAt).ToListAsync());
            return lastPushes.All(time => time >= before);
        });
    }

    [Fact]
    public async Task Three_quick_enqueues_make_one_push_per_device()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 4, topic);

        await Task.WhenAll(EnqueueAsync(tenant.Id, devices), EnqueueAsync(tenant.Id, devices), EnqueueAsync(tenant.Id, devices));

        await PushesToAsync(devices, devices.Count);
        await Task.Delay(ApiFixture<TProvider>.CoalesceWindow * 3);
        Assert.Equal(devices.Count, PushesTo(devices).Count);
    }

    [Fact]
    public async Task No_push_queues_without_pushing()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 2, topic);

        await EnqueueAsync(tenant.Id, devices, noPush: true);

        await Task.Delay(ApiFixture<TProvider>.CoalesceWindow * 3);
        Assert.Empty(PushesTo(devices));
    }

    [Fact]
    public async Task Unregistered_token_is_marked_invalid_and_never_pushed_again()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 2, topic);
        var (gone, healthy) = (devices[0], devices[1]);
        Apns.ReplyTo(Convert.ToHexStringLower(gone.PushToken!), FakeApnsReply.Unregistered(DateTimeOffset.UtcNow.AddDays(-1)));

        await EnqueueAsync(tenant.Id, devices);
        await PushesToAsync(devices, 2);
        await AssertEventuallyAsync(async () =>
            await fixture.InTenantAsync(tenant.Id, db => db.Enrollments.AnyAsync(e => e.Id == gone.Id && e.PushTokenInvalidSince != null)));

        await EnqueueAsync(tenant.Id, devices);
        await PushesToAsync(devices, 3);
        await Task.Delay(ApiFixture<TProvider>.CoalesceWindow * 2);
        Assert.Single(PushesTo([gone]));
        Assert.Equal(2, PushesTo([healthy]).Count);
        var device = await fixture.Devices.GetDeviceAsync(new GetDeviceRequest { TenantId = tenant.Id, DeviceId = gone.Id.ToString() });
        Assert.False(device.PushTokenValid);
        var error = await Assert.ThrowsAsync<RpcException>(() => PushDeviceAsync(tenant.Id, gone));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("refused the device's push token", error.Status.Detail);
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("unregistered")]
    [InlineData("rejected")]
    [InlineData("certificate rejected")]
    public async Task Push_device_reports_what_APNs_said(string answer)
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1, topic))[0];
        var token = Convert.ToHexStringLower(device.PushToken!);
        var (reply, expected) = answer switch
        {
            "delivered" => (FakeApnsReply.Delivered, "delivered"),
            "unregistered" => (FakeApnsReply.Unregistered(DateTimeOffset.UtcNow), "invalid token (Unregistered)"),
            "rejected" => (FakeApnsReply.PayloadTooLarge, "rejected (413 PayloadTooLarge)"),
            _ => (FakeApnsReply.Forbidden("BadCertificate"), "push certificate rejected (BadCertificate)"),
        };
        Apns.ReplyTo(token, reply, times: 1);

        var response = await PushDeviceAsync(tenant.Id, device);

        Assert.Equal(expected, response.Outcome);
        Assert.Single(PushesTo([device]));
        var stored = await fixture.InTenantAsync(tenant.Id, db => db.Enrollments.SingleAsync(e => e.Id == device.Id));
        Assert.Equal(answer == "delivered", stored.LastPushAt is not null);
        Assert.Equal(answer == "unregistered", stored.PushTokenInvalidSince is not null);
        if (answer == "certificate rejected")
        {
            Assert.Contains(fixture.Host.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(tenant.Id) && line.Contains("BadCertificate"));
        }
    }

    [Fact]
    public async Task Push_device_without_token_or_certificate_is_FAILED_PRECONDITION_and_sends_nothing()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var withoutCertificate = await fixture.CreateTenantAsync();
        var devices = await fixture.SeedDevicesAsync(tenant.Id, 3, topic, (device, i) =>
        {
            if (i == 0)
            {
                device.PushToken = null;
            }
            else if (i == 1)
            {
                device.State = EnrollmentState.CheckedOut;
            }
        });
        var uncertified = (await fixture.SeedDevicesAsync(withoutCertificate.Id, 1))[0];
        var before = await fixture.CountAllAsync();

        var noToken = await Assert.ThrowsAsync<RpcException>(() => PushDeviceAsync(tenant.Id, devices[0]));
        var checkedOut = await Assert.ThrowsAsync<RpcException>(() => PushDeviceAsync(tenant.Id, devices[1]));
        var noCertificate = await Assert.ThrowsAsync<RpcException>(() => PushDeviceAsync(withoutCertificate.Id, uncertified));

        Assert.All([noToken, checkedOut, noCertificate], error => Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode));
        Assert.Contains("not sent a push token", noToken.Status.Detail);
        Assert.Contains("not enrolled", checkedOut.Status.Detail);
        Assert.Contains("no push certificate", noCertificate.Status.Detail);
        Assert.Empty(PushesTo([.. devices, uncertified]));
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Replaced_certificate_is_used_for_the_next_push()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1, topic))[0];
        await PushDeviceAsync(tenant.Id, device);
        using var renewal = fixture.PushCertificates.Issue(topic);
        await fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id, Certificate = Google.Protobuf.ByteString.CopyFrom(TestPushCertificates.Pem(renewal)),
        });

        await PushDeviceAsync(tenant.Id, device);

        var pushes = PushesTo([device]);
        Assert.Equal(2, pushes.Count);
        Assert.Equal(renewal.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), pushes[1].ClientCertificateThumbprint, ignoreCase: true);
        Assert.NotEqual(pushes[0].ClientCertificateThumbprint, pushes[1].ClientCertificateThumbprint);
    }

    private Task EnqueueAsync(string tenantId, IEnumerable<EnrollmentEntity> devices, bool noPush = false)
    {
        var request = new EnqueueCommandRequest { TenantId = tenantId, SecurityInfo = new(), NoPush = noPush };
        request.DeviceIds.AddRange(devices.Select(d => d.Id.ToString()));
        return fixture.Commands.EnqueueCommandAsync(request).ResponseAsync;
    }

    private Task<PushDeviceResponse> PushDeviceAsync(string tenantId, EnrollmentEntity device) =>
        fixture.Devices.PushDeviceAsync(new PushDeviceRequest { TenantId = tenantId, DeviceId = device.Id.ToString() }).ResponseAsync;

    private List<ReceivedPush> PushesTo(IEnumerable<EnrollmentEntity> devices)
    {
        var tokens = devices.Where(d => d.PushToken is not null).Select(d => Convert.ToHexStringLower(d.PushToken!)).ToHashSet();
        return Apns.ReceivedPushes.Where(p => tokens.Contains(p.DeviceToken)).ToList();
    }

    /// <summary>Waits until the fake received <paramref name="count"/> pushes for these devices (other tests push to it too).</summary>
    private async Task<List<ReceivedPush>> PushesToAsync(IReadOnlyCollection<EnrollmentEntity> devices, int count)
    {
        await AssertEventuallyAsync(() => Task.FromResult(PushesTo(devices).Count >= count));
        return PushesTo(devices);
    }

    private static async Task AssertEventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {Patience}.");
            await Task.Delay(50);
        }
    }
}
