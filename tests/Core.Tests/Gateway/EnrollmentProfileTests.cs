using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class EnrollmentProfileTestsOnSqlite(GatewayFixture<OnSqlite> fixture)
    : EnrollmentProfileTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class EnrollmentProfileTestsOnPostgres(GatewayFixture<OnPostgres> fixture)
    : EnrollmentProfileTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

public abstract class EnrollmentProfileTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task A_valid_token_gets_a_profile_signed_by_the_tenant_CA_with_the_tenant_URLs_topic_and_a_one_time_challenge()
    {
        var tenant = await fixture.CreateTenantAsync();
        var token = await tenant.AddTokenAsync(maxUses: 5);

        var reply = await tenant.DownloadProfileAsync(token, baseUrl: $"https://mdm.example.test/t/{tenant.Slug}/");
        var profile = ProfileContents.Open(reply.Profile.Span);

        using var ca = await tenant.Scep.CaCertificateAsync();
        Assert.Equal($"{tenant.Slug}-enrollment.mobileconfig", reply.FileName);
        Assert.Equal(ca.RawData, profile.Signer.RawData);
        Assert.True(new CertificateChainValidator().Validate(profile.Signer, ca).IsValid);
        var mdm = profile.Mdm;
        Assert.Equal($"https://mdm.example.test/t/{tenant.Slug}/mdm/connect", mdm.GetString("ServerURL"));
        Assert.Equal($"https://mdm.example.test/t/{tenant.Slug}/mdm/checkin", mdm.GetString("CheckInURL"));
        Assert.Equal(tenant.Topic, mdm.GetString("Topic"));
        Assert.Equal(profile.Payload("com.apple.security.scep").GetString("PayloadUUID"), mdm.GetString("IdentityCertificateUUID"));
        Assert.True(mdm.GetBoolean("SignMessage"));
        Assert.True(mdm.GetBoolean("CheckOutWhenRemoved"));
        Assert.Equal(8191, mdm.GetInteger("AccessRights"));
        Assert.Equal(["com.apple.mdm.per-user-connections", "com.apple.mdm.bootstraptoken"], mdm.GetArray("ServerCapabilities").Select(c => c.ToString().Trim('"')));
        Assert.Equal($"https://mdm.example.test/t/{tenant.Slug}/scep", profile.Scep.GetString("URL"));
        Assert.Equal(2048, profile.Scep.GetInteger("Keysize"));
        Assert.Contains(tenant.Slug, profile.Scep.GetArray("Subject").ToString());
        Assert.True(profile.Challenge.Length >= 32, "the challenge carries at least 128 bits");
        Assert.Empty(profile.Roots);

        var stored = await fixture.ReadAsync(tenant.Id, db => db.ScepChallenges.AsNoTracking().SingleAsync());
        Assert.NotEqual(profile.Challenge, stored.ChallengeHash);
        Assert.Null(stored.UsedAt);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal(1, await fixture.ReadAsync(tenant.Id, db => db.EnrollmentTokens.Select(t => t.Uses).SingleAsync()));
    }

    [Fact]
    public async Task Every_download_has_its_own_challenge()
    {
        var tenant = await fixture.SharedTenantAsync();
        var token = await tenant.AddTokenAsync();

        var first = ProfileContents.Open((await tenant.DownloadProfileAsync(token)).Profile.Span);
        var second = ProfileContents.Open((await tenant.DownloadProfileAsync(token)).Profile.Span);

        Assert.NotEqual(first.Challenge, second.Challenge);
        string[] hashes = [TestTenant.StoredHash(first.Challenge), TestTenant.StoredHash(second.Challenge)];
        Assert.Equal(2, await fixture.ReadAsync(tenant.Id, db => db.ScepChallenges.CountAsync(c => hashes.Contains(c.ChallengeHash))));
    }

    [Fact]
    public async Task Edge_TLS_root_goes_into_the_profile_as_a_root_payload()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var ca = await tenant.Scep.CaCertificateAsync();

        var profile = ProfileContents.Open((await tenant.DownloadProfileAsync(await tenant.AddTokenAsync(), tlsRoot: ca.RawData)).Profile.Span);

        Assert.Equal(ca.RawData, Assert.Single(profile.Roots).GetData("PayloadContent").ToArray());
    }

    [Fact]
    public async Task A_loopback_http_base_is_accepted_for_simulators()
    {
        var tenant = await fixture.SharedTenantAsync();

        var profile = ProfileContents.Open((await tenant.DownloadProfileAsync(await tenant.AddTokenAsync(), baseUrl: $"http://127.0.0.1:8080/t/{tenant.Slug}")).Profile.Span);

        Assert.Equal($"http://127.0.0.1:8080/t/{tenant.Slug}/mdm/connect", profile.Mdm.GetString("ServerURL"));
        Assert.Equal($"http://127.0.0.1:8080/t/{tenant.Slug}/scep", profile.Scep.GetString("URL"));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("revoked")]
    [InlineData("used up")]
    [InlineData("unknown")]
    [InlineData("missing")]
    [InlineData("another tenant's")]
    public async Task A_token_that_does_not_admit_the_download_is_PERMISSION_DENIED_and_changes_nothing(string problem)
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        var token = problem switch
        {
            "expired" => await tenant.AddTokenAsync(expiresAt: DateTime.UtcNow.AddMinutes(-1)),
            "revoked" => await tenant.AddTokenAsync(revoked: true),
            "used up" => await tenant.AddTokenAsync(maxUses: 1),
            "unknown" => "no-such-token",
            "missing" => "",
            _ => await other.AddTokenAsync(),
        };
        if (problem == "used up")
        {
            await tenant.DownloadProfileAsync(token);
        }

        var before = await fixture.SnapshotAsync(tenant.Id);
        var otherBefore = await fixture.SnapshotAsync(other.Id);
        var error = await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, () => tenant.DownloadProfileAsync(token));

        Assert.Contains(problem switch { "used up" => "used as often", "another tenant's" or "unknown" => "not valid", _ => problem }, error.Status.Detail);
        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
        Assert.Equal(otherBefore, await fixture.SnapshotAsync(other.Id));
    }

    [Fact]
    public async Task Concurrent_downloads_never_use_a_token_more_often_than_it_allows()
    {
        var tenant = await fixture.CreateTenantAsync();
        var token = await tenant.AddTokenAsync(maxUses: 3);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await tenant.DownloadProfileAsync(token);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(3, attempts.Count(status => status == StatusCode.OK));
        Assert.All(attempts.Where(status => status != StatusCode.OK), status => Assert.Equal(StatusCode.PermissionDenied, status));
        Assert.Equal(3, await fixture.ReadAsync(tenant.Id, db => db.EnrollmentTokens.Select(t => t.Uses).SingleAsync()));
        Assert.Equal(3, await fixture.ReadAsync(tenant.Id, db => db.ScepChallenges.CountAsync()));
    }

    [Fact]
    public async Task Open_enrollment_needs_no_token()
    {
        var tenant = await fixture.CreateTenantAsync(openEnrollment: true);

        var profile = ProfileContents.Open((await tenant.DownloadProfileAsync()).Profile.Span);

        Assert.Equal(tenant.Topic, profile.Mdm.GetString("Topic"));
    }

    [Fact]
    public async Task Without_a_push_certificate_the_download_is_FAILED_PRECONDITION_and_the_token_is_not_used()
    {
        var tenant = await fixture.CreateTenantAsync(pushTopic: null);
        var token = await tenant.AddTokenAsync(maxUses: 1);
        var before = await fixture.SnapshotAsync(tenant.Id);

        var error = await TestDevice.AssertRefusedAsync(StatusCode.FailedPrecondition, () => tenant.DownloadProfileAsync(token));

        Assert.Contains("upload an APNs push certificate first", error.Status.Detail);
        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("mdm.example.test/t/acme")]
    [InlineData("http://mdm.example.test/t/acme")]
    [InlineData("ftp://mdm.example.test/t/acme")]
    [InlineData("https://mdm.example.test/t/acme?x=1")]
    [InlineData("https://user:secret@mdm.example.test/t/acme")]
    public async Task A_bad_base_url_is_INVALID_ARGUMENT_and_changes_nothing(string baseUrl)
    {
        var tenant = await fixture.SharedTenantAsync();
        var token = await tenant.AddTokenAsync(maxUses: 1);
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.InvalidArgument, () => tenant.DownloadProfileAsync(token, baseUrl: baseUrl));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    [Theory]
    [InlineData("not-a-uuid", StatusCode.InvalidArgument)]
    [InlineData("00000000-0000-0000-0000-000000000000", StatusCode.InvalidArgument)]
    [InlineData("5f0c7a8e-1b7e-4a0e-9d8c-3f0d2b1a9c7e", StatusCode.NotFound)]
    public async Task Every_gateway_call_refuses_a_malformed_or_unknown_tenant(string tenantId, StatusCode expected)
    {
        var gateway = fixture.Host.Gateway;
        var identity = new DeviceIdentity { CertificateDer = Google.Protobuf.ByteString.CopyFrom([0x30]) };

        await TestDevice.AssertRefusedAsync(expected, () => gateway.GetEnrollmentProfileAsync(new GetEnrollmentProfileRequest { TenantId = tenantId, BaseUrl = TestTenant.BaseUrl }).ResponseAsync);
        await TestDevice.AssertRefusedAsync(expected, () => gateway.ScepAsync(new ScepRequest { TenantId = tenantId, Operation = "GetCACaps" }).ResponseAsync);
        await TestDevice.AssertRefusedAsync(expected, () => gateway.CheckInAsync(new CheckInRequest { TenantId = tenantId, Identity = identity }).ResponseAsync);
        await TestDevice.AssertRefusedAsync(expected, () => gateway.ConnectAsync(new ConnectRequest { TenantId = tenantId, Identity = identity }).ResponseAsync);
    }
}
