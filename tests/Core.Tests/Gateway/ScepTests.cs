using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class ScepTestsOnSqlite(GatewayFixture<OnSqlite> fixture) : ScepTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class ScepTestsOnPostgres(GatewayFixture<OnPostgres> fixture) : ScepTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

public abstract class ScepTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task GetCACaps_and_GetCACert_describe_the_tenant_CA()
    {
        var tenant = await fixture.SharedTenantAsync();

        var caps = await tenant.Gateway.ScepAsync(new ScepRequest { TenantId = tenant.Id.ToString(), Operation = "GetCACaps" });
        using var ca = await tenant.Scep.CaCertificateAsync();
        var profile = ProfileContents.Open((await tenant.DownloadProfileAsync(await tenant.AddTokenAsync())).Profile.Span);

        Assert.Equal("text/plain", caps.ContentType);
        Assert.Contains("Renewal", caps.Body.ToStringUtf8().Split('\n'));
        Assert.Contains(tenant.Slug, ca.Subject);
        Assert.Equal(profile.Signer.RawData, ca.RawData);
    }

    [Fact]
    public async Task A_challenge_issues_one_certificate_only()
    {
        var tenant = await fixture.SharedTenantAsync();
        var challenge = ProfileContents.Open((await tenant.DownloadProfileAsync(await tenant.AddTokenAsync())).Profile.Span).Challenge;

        var first = await tenant.Scep.EnrollAsync(fixture.DeviceKey, challenge, "first");
        var second = await tenant.Scep.EnrollAsync(fixture.DeviceKey, challenge, "second");

        Assert.Equal(ScepPkiStatus.Success, first.Status);
        using var ca = await tenant.Scep.CaCertificateAsync();
        Assert.True(new CertificateChainValidator().Validate(Assert.Single(first.Certificates), ca).IsValid);
        Assert.Equal(ScepPkiStatus.Failure, second.Status);
        Assert.Equal(ScepFailInfo.BadRequest, second.FailInfo);
        Assert.NotNull(await fixture.ReadAsync(tenant.Id, db => db.ScepChallenges.Where(c => c.ChallengeHash == TestTenant.StoredHash(challenge)).Select(c => c.UsedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("another tenant's")]
    public async Task A_request_without_a_live_challenge_of_this_tenant_is_refused_and_changes_nothing(string problem)
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        var own = ProfileContents.Open((await tenant.DownloadProfileAsync(await tenant.AddTokenAsync())).Profile.Span).Challenge;
        var foreign = ProfileContents.Open((await other.DownloadProfileAsync(await other.AddTokenAsync())).Profile.Span).Challenge;
        if (problem == "expired")
        {
            await fixture.InTenantAsync(tenant.Id, (db, _) =>
                db.ScepChallenges.Where(c => c.ChallengeHash == TestTenant.StoredHash(own)).ExecuteUpdateAsync(update => update.SetProperty(c => c.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        }

        var before = await fixture.SnapshotAsync(tenant.Id);
        var otherBefore = await fixture.SnapshotAsync(other.Id);
        var reply = await tenant.Scep.EnrollAsync(fixture.DeviceKey, problem switch
        {
            "wrong" => "0123456789abcdef0123456789abcdef",
            "none" => null,
            "expired" => own,
            _ => foreign,
        }, "device");

        Assert.Equal(ScepPkiStatus.Failure, reply.Status);
        Assert.Empty(reply.Certificates);
        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
        Assert.Equal(otherBefore, await fixture.SnapshotAsync(other.Id));
        Assert.Equal(ScepPkiStatus.Success, (await other.Scep.EnrollAsync(fixture.DeviceKey, foreign, "device")).Status);
    }

    [Fact]
    public async Task Unknown_operations_and_malformed_messages_are_INVALID_ARGUMENT()
    {
        var tenant = await fixture.SharedTenantAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () =>
            tenant.Gateway.ScepAsync(new ScepRequest { TenantId = tenant.Id.ToString(), Operation = "GetNextCACert" }).ResponseAsync);
        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () =>
            tenant.Gateway.ScepAsync(new ScepRequest { TenantId = tenant.Id.ToString(), Operation = "PKIOperation", Message = ByteString.CopyFrom(Encoding.ASCII.GetBytes("not DER")) }).ResponseAsync);
        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () =>
            tenant.Gateway.ScepAsync(new ScepRequest { TenantId = tenant.Id.ToString(), Operation = "PKIOperation" }).ResponseAsync);

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Fact]
    public async Task A_renewal_moves_the_enrollment_to_the_new_certificate_keeping_its_queue()
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var enrollment = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        var command = MdmCommands.SecurityInfo();
        await fixture.EnqueueAsync(tenant.Id, command, enrollment.Id);
        var old = device.Certificate;

        using var newKey = RSA.Create(2048);
        var reply = await tenant.Scep.RenewAsync(newKey, device.Identity);

        Assert.Equal(ScepPkiStatus.Success, reply.Status);
        var renewed = Assert.Single(reply.Certificates);
        var rebound = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!;
        Assert.Equal(enrollment.Id, rebound.Id);
        Assert.Equal(renewed.RawData, rebound.IdentityCertificateDer);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(renewed.RawData)), rebound.IdentityCertificateSha256);
        Assert.Equal(SaaSMdm.Core.Data.Entities.EnrollmentState.Enrolled, rebound.State);
        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => device.ConnectAsync(device.Report("Idle"), presenting: old));
        device.Certificate = renewed;
        Assert.Equal(command.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
    }

    [Theory]
    [InlineData("another tenant's device")]
    [InlineData("an identity bound to no enrollment")]
    [InlineData("a checked-out device")]
    [InlineData("a self-signed certificate")]
    public async Task A_renewal_signed_with_a_certificate_not_bound_here_is_refused_and_changes_nothing(string signer)
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        var victim = await tenant.EnrollDeviceAsync();
        SigningIdentity identity;
        switch (signer)
        {
            case "another tenant's device":
                identity = (await other.EnrollDeviceAsync()).Identity;
                break;
            case "an identity bound to no enrollment":
                identity = (await tenant.NewDeviceAsync()).Identity;
                break;
            case "a checked-out device":
                var leaving = await tenant.EnrollDeviceAsync();
                TestDevice.AssertAccepted(await leaving.CheckInAsync(leaving.Message("CheckOut")));
                identity = leaving.Identity;
                break;
            default:
                identity = ScepClientMessages.CreateSelfSignedSigner(victim.Certificate.SubjectName, fixture.DeviceKey);
                break;
        }

        var before = await fixture.SnapshotAsync(tenant.Id);
        var reply = await tenant.Scep.RenewAsync(fixture.DeviceKey, identity);

        Assert.Equal(ScepPkiStatus.Failure, reply.Status);
        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }
}
