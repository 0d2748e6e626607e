using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api;

public sealed class EnrollmentApiOnSqlite(ApiFixture<OnSqlite> fixture) : EnrollmentApiTests<OnSqlite>(fixture);

public sealed class EnrollmentApiOnPostgres(ApiFixture<OnPostgres> fixture) : EnrollmentApiTests<OnPostgres>(fixture);

/// <summary>The Enrollment API over gRPC: enrollment tokens, open enrollment and settings, the push certificate.</summary>
public abstract class EnrollmentApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    [Fact]
    public async Task Created_token_returns_its_secret_once_and_stores_only_the_hash()
    {
        var tenant = await fixture.CreateTenantAsync();
        var expiry = DateTime.UtcNow.AddDays(7);

        var created = await fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest
        {
            TenantId = tenant.Id, Label = "  Lab iPads  ", ExpireTime = Timestamp.FromDateTime(expiry), MaxUses = 30,
        });

        Assert.Equal(43, created.Secret.Length);
        Assert.Equal(32, Convert.FromBase64String(created.Secret.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal($"{ApiFixture<TProvider>.PublicEdgeUrl}/t/{tenant.Slug}/enroll?token={created.Secret}", created.EnrollmentUrl);
        Assert.Equal("Lab iPads", created.Token.Label);
        Assert.Equal(30, created.Token.MaxUses);
        Assert.Equal(0, created.Token.Uses);
        Assert.False(created.Token.Revoked);
        Assert.Equal(TestDevices.Micro(expiry), created.Token.ExpireTime.ToDateTime());
        var stored = await fixture.InTenantAsync(tenant.Id, db => db.EnrollmentTokens.SingleAsync(t => t.Id == Guid.Parse(created.Token.Id)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret))), stored.SecretHash);
        Assert.Equal(created.Token, Assert.Single((await fixture.Enrollment.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = tenant.Id })).Tokens));

        var second = await fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = tenant.Id, Label = "Second" });
        Assert.NotEqual(created.Secret, second.Secret);
        Assert.Null(second.Token.ExpireTime);
    }

    [Fact]
    public async Task Bad_token_requests_are_INVALID_ARGUMENT_and_create_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var before = await fixture.CountAllAsync();

        foreach (var request in new[]
        {
            new CreateEnrollmentTokenRequest { Label = "" },
            new CreateEnrollmentTokenRequest { Label = "   " },
            new CreateEnrollmentTokenRequest { Label = new string('x', 201) },
            new CreateEnrollmentTokenRequest { Label = "two\nlines" },
            new CreateEnrollmentTokenRequest { Label = "Past", ExpireTime = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-1)) },
            new CreateEnrollmentTokenRequest { Label = "Broken time", ExpireTime = new Timestamp { Seconds = long.MaxValue } },
            new CreateEnrollmentTokenRequest { Label = "Negative", MaxUses = -1 },
        })
        {
            request.TenantId = tenant.Id;
            var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Enrollment.CreateEnrollmentTokenAsync(request).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{request}: {error.Status}");
        }

        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task Tokens_are_listed_newest_first_and_only_for_their_tenant()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        foreach (var label in new[] { "first", "second", "third" })
        {
            await fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = tenant.Id, Label = label });
        }

        await fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = other.Id, Label = "foreign" });

        var listed = await fixture.Enrollment.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = tenant.Id });
        Assert.Equal(["third", "second", "first"], listed.Tokens.Select(t => t.Label));
    }

    [Fact]
    public async Task Revoke_marks_the_token_once_and_another_tenants_token_is_NOT_FOUND_and_stays()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var own = (await fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = tenant.Id, Label = "own" })).Token;
        var foreign = (await fixture.Enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = other.Id, Label = "foreign" })).Token;

        var revoked = await fixture.Enrollment.RevokeEnrollmentTokenAsync(new RevokeEnrollmentTokenRequest { TenantId = tenant.Id, TokenId = own.Id });
        var revokedAt = await fixture.InTenantAsync(tenant.Id, db => db.EnrollmentTokens.Where(t => t.Id == Guid.Parse(own.Id)).Select(t => t.RevokedAt).SingleAsync());
        var again = await fixture.Enrollment.RevokeEnrollmentTokenAsync(new RevokeEnrollmentTokenRequest { TenantId = tenant.Id, TokenId = own.Id });

        Assert.True(revoked.Revoked);
        Assert.Equal(revoked, again);
        Assert.Equal(revokedAt, await fixture.InTenantAsync(tenant.Id, db => db.EnrollmentTokens.Where(t => t.Id == Guid.Parse(own.Id)).Select(t => t.RevokedAt).SingleAsync()));

        var notFound = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Enrollment.RevokeEnrollmentTokenAsync(new RevokeEnrollmentTokenRequest { TenantId = tenant.Id, TokenId = foreign.Id }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Enrollment.RevokeEnrollmentTokenAsync(new RevokeEnrollmentTokenRequest { TenantId = tenant.Id, TokenId = "token-1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.False(Assert.Single((await fixture.Enrollment.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = other.Id })).Tokens).Revoked);
    }

    [Fact]
    public async Task Open_enrollment_is_switched_per_tenant_and_settings_show_the_device_ca()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();

        var opened = await fixture.Enrollment.SetOpenEnrollmentAsync(new SetOpenEnrollmentRequest { TenantId = tenant.Id, Open = true });
        var otherSettings = await fixture.Enrollment.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = other.Id });

        Assert.True(opened.OpenEnrollment);
        Assert.Equal(opened, await fixture.Enrollment.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = tenant.Id }));
        Assert.False(otherSettings.OpenEnrollment);
        var ca = await fixture.InTenantAsync(tenant.Id, db => db.CertificateAuthorities.SingleAsync());
        using var caCertificate = X509CertificateLoader.LoadCertificate(ca.CertificateDer);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ca.CertificateDer)), opened.CaFingerprint);
        Assert.Equal(caCertificate.NotAfter.ToUniversalTime(), opened.CaExpireTime.ToDateTime());
        Assert.NotEqual(opened.CaFingerprint, otherSettings.CaFingerprint);

        Assert.False((await fixture.Enrollment.SetOpenEnrollmentAsync(new SetOpenEnrollmentRequest { TenantId = tenant.Id, Open = false })).OpenEnrollment);
    }

    [Theory]
    [InlineData("pem-pkcs8")]
    [InlineData("pem-rsa-with-chain")]
    [InlineData("pkcs12")]
    public async Task Push_certificate_uploads_as_pem_or_pkcs12_and_its_key_is_stored_encrypted(string format)
    {
        var tenant = await fixture.CreateTenantAsync();
        var topic = TestPushCertificates.NewTopic();
        using var certificate = fixture.PushCertificates.Issue(topic);
        using var ca = fixture.Apns.CertificateAuthority.PublicCertificate();
        var (upload, password) = format switch
        {
            "pem-pkcs8" => (TestPushCertificates.Pem(certificate), ""),
            // The issuer comes first: the reader must find the certificate the key belongs to.
            "pem-rsa-with-chain" => (Encoding.UTF8.GetBytes(ca.ExportCertificatePem() + "\n").Concat(TestPushCertificates.Pem(certificate, pkcs1: true)).ToArray(), ""),
            _ => (TestPushCertificates.Pkcs12(certificate, "s3cret"), "s3cret"),
        };

        var uploaded = await fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id, Certificate = ByteString.CopyFrom(upload), Password = password,
        });

        Assert.Equal(topic, uploaded.Topic);
        Assert.Contains(topic, uploaded.Subject);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)), uploaded.Sha256Fingerprint);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), uploaded.NotAfter.ToDateTime());
        Assert.Equal(certificate.NotBefore.ToUniversalTime(), uploaded.NotBefore.ToDateTime());
        Assert.False(uploaded.Development);
        Assert.Equal(uploaded, await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id }));

        var stored = await fixture.InTenantAsync(tenant.Id, db => db.PushCertificates.SingleAsync());
        var pkcs8 = certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKey();
        Assert.DoesNotContain(Convert.ToBase64String(pkcs8)[..40], stored.ProtectedPrivateKey);
        var secrets = fixture.Host.Services.GetRequiredService<SecretProtector>();
        Assert.Equal(pkcs8, secrets.Unprotect(SecretPurpose.PushCertificateKey, stored.ProtectedPrivateKey));
    }

    public static TheoryData<string> BadUploads =>
    [
        "empty", "garbage", "wrong password", "certificate only", "key only", "foreign key", "encrypted key",
        "no topic", "not an MDM topic", "expired", "not yet valid", "too large",
    ];

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Bad_push_certificate_upload_is_INVALID_ARGUMENT_and_keeps_the_current_one(string kind)
    {
        var (tenant, _) = await fixture.CreateTenantWithPushCertificateAsync();
        var current = await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id });
        var before = await fixture.CountAllAsync();
        var (upload, password) = BadUpload(kind);

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id, Certificate = ByteString.CopyFrom(upload), Password = password,
        }).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{kind}: {error.Status}");
        Assert.Equal(current, await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id }));
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task A_certificate_for_another_topic_is_FAILED_PRECONDITION_while_devices_use_the_current_topic()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        await fixture.SeedDevicesAsync(tenant.Id, 1, topic);
        var current = await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id });
        using var otherTopic = fixture.PushCertificates.Issue(TestPushCertificates.NewTopic());
        using var renewal = fixture.PushCertificates.Issue(topic);

        var error = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(tenant.Id, otherTopic));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(topic, error.Status.Detail);
        Assert.Equal(current, await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id }));

        var renewed = await UploadAsync(tenant.Id, renewal);
        Assert.Equal(topic, renewed.Topic);
        Assert.NotEqual(current.Sha256Fingerprint, renewed.Sha256Fingerprint);
    }

    [Fact]
    public async Task A_tenant_without_devices_may_change_topic()
    {
        var (tenant, _) = await fixture.CreateTenantWithPushCertificateAsync();
        var topic = TestPushCertificates.NewTopic();
        using var certificate = fixture.PushCertificates.Issue(topic);

        Assert.Equal(topic, (await UploadAsync(tenant.Id, certificate)).Topic);
    }

    [Fact]
    public async Task Push_certificate_is_NOT_FOUND_until_uploaded_and_never_shown_to_another_tenant()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.CreateTenantWithPushCertificateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private async Task<PushCertificate> UploadAsync(string tenantId, X509Certificate2 certificate) =>
        await fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenantId, Certificate = ByteString.CopyFrom(TestPushCertificates.Pem(certificate)),
        });

    private (byte[] Upload, string Password) BadUpload(string kind)
    {
        var certificates = fixture.PushCertificates;
        using var valid = certificates.Issue(TestPushCertificates.NewTopic());
        var pem = Encoding.UTF8.GetString(TestPushCertificates.Pem(valid));
        var keyStart = pem.IndexOf("-----BEGIN PRIVATE KEY", StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow;
        return kind switch
        {
            "empty" => ([], ""),
            "garbage" => (RandomNumberGenerator.GetBytes(2000), "x"),
            "wrong password" => (TestPushCertificates.Pkcs12(valid, "right"), "wrong"),
            "certificate only" => (Encoding.UTF8.GetBytes(pem[..keyStart]), ""),
            "key only" => (Encoding.UTF8.GetBytes(pem[keyStart..]), ""),
            "foreign key" => (certificates.PemWithForeignKey(valid), ""),
            "encrypted key" => (Encoding.UTF8.GetBytes(valid.ExportCertificatePem() + "\n" + valid.GetRSAPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem(
                "pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000))), ""),
            "no topic" => (PemOf(certificates.Issue(null)), ""),
            "not an MDM topic" => (PemOf(certificates.Issue("com.example.app")), ""),
            "expired" => (PemOf(certificates.Issue(TestPushCertificates.NewTopic(), now.AddDays(-400), now.AddDays(-1))), ""),
            "not yet valid" => (PemOf(certificates.Issue(TestPushCertificates.NewTopic(), now.AddDays(1), now.AddDays(400))), ""),
            "too large" => (Encoding.UTF8.GetBytes(pem + new string('\n', 70 * 1024)), ""),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] PemOf(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return TestPushCertificates.Pem(certificate);
        }
    }
}
