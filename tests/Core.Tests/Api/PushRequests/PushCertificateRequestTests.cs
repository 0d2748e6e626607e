using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Push;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tests.Api.Audit;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;
using EnrollmentClient = SaaSMdm.Contracts.V1.Enrollment.EnrollmentClient;

namespace SaaSMdm.Core.Tests.Api.PushRequests;

public sealed class PushCertificateRequestOnSqlite(ApiFixture<OnSqlite> fixture) : PushCertificateRequestTests<OnSqlite>(fixture);

public sealed class PushCertificateRequestOnPostgres(ApiFixture<OnPostgres> fixture) : PushCertificateRequestTests<OnPostgres>(fixture);

/// <summary>
/// Getting a push certificate without handling keys: Core makes the key and its signing request, and takes Apple's
/// certificate alone back when it certifies that key. Anything else is refused and changes nothing.
/// </summary>
public abstract class PushCertificateRequestTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderChoice
{
    [Fact]
    public async Task The_signing_request_is_a_valid_PKCS10_for_the_pending_key_which_is_stored_encrypted()
    {
        var tenant = await fixture.CreateTenantAsync();

        var request = await CreateRequestAsync(tenant.Id);

        var verified = await RunOpenSslOnAsync(request.CsrPem, "req", "-verify", "-noout", "-in");
        Assert.Contains("verify OK", verified.StandardError + verified.StandardOutput, StringComparison.OrdinalIgnoreCase);
        var modulus = await RunOpenSslOnAsync(request.CsrPem, "req", "-noout", "-modulus", "-in");
        Assert.Equal(2048 / 4, modulus.StandardOutput.Trim().Split('=')[1].Length);
        Assert.True(request.VendorSignedRequest.IsEmpty);

        var stored = await fixture.InTenantAsync(tenant.Id, db => db.PushCertificateRequests.SingleAsync());
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(fixture.Host.Services.GetRequiredService<SecretProtector>().Unprotect(SecretPurpose.PushCertificateKey, stored.ProtectedPrivateKey), out _);
        var csr = CertificateRequest.LoadSigningRequestPem(request.CsrPem, HashAlgorithmName.SHA256);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), csr.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.DoesNotContain(Convert.ToBase64String(key.ExportPkcs8PrivateKey())[..40], stored.ProtectedPrivateKey, StringComparison.Ordinal);
        Assert.Equal(request.CreateTime, (await fixture.Enrollment.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = tenant.Id })).PendingPushRequestCreateTime);
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("der")]
    public async Task Apples_certificate_alone_for_the_pending_key_becomes_the_push_certificate(string format)
    {
        var tenant = await fixture.CreateTenantAsync();
        var request = await CreateRequestAsync(tenant.Id);
        var topic = TestPushCertificates.NewTopic();
        using var issued = fixture.PushCertificates.IssueForRequest(request.CsrPem, topic);
        var upload = format == "pem" ? Encoding.ASCII.GetBytes(issued.ExportCertificatePem()) : issued.RawData;

        var uploaded = await fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest { TenantId = tenant.Id, Certificate = ByteString.CopyFrom(upload) });

        Assert.Equal(topic, uploaded.Topic);
        Assert.Equal(Fingerprint(issued), uploaded.Sha256Fingerprint);
        Assert.Null(uploaded.PendingRequestCreateTime);
        Assert.Equal(0, await fixture.InTenantAsync(tenant.Id, db => db.PushCertificateRequests.CountAsync()));
        var stored = await fixture.InTenantAsync(tenant.Id, db => db.PushCertificates.SingleAsync());
        using var withKey = fixture.Host.Services.GetRequiredService<PushCertificateRecords>().Load(stored);
        Assert.True(withKey.HasPrivateKey);
        Assert.Equal(issued.RawData, withKey.RawData);
        Assert.Null((await fixture.Enrollment.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = tenant.Id })).PendingPushRequestCreateTime);
    }

    [Fact]
    public async Task A_certificate_alone_for_another_key_is_INVALID_ARGUMENT_and_changes_nothing()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        var request = await CreateRequestAsync(tenant.Id);
        var current = await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id });
        using var foreign = fixture.PushCertificates.Issue(topic);
        var pendingBefore = await fixture.InTenantAsync(tenant.Id, db => db.PushCertificateRequests.AsNoTracking().SingleAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id, Certificate = ByteString.CopyFrom(foreign.RawData),
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("pending push certificate request", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(current, await fixture.Enrollment.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = tenant.Id }));
        Assert.Equal(request.CreateTime, current.PendingRequestCreateTime);
        var pendingAfter = await fixture.InTenantAsync(tenant.Id, db => db.PushCertificateRequests.AsNoTracking().SingleAsync());
        Assert.Equal(pendingBefore.ProtectedPrivateKey, pendingAfter.ProtectedPrivateKey);
    }

    [Fact]
    public async Task A_certificate_alone_without_a_pending_request_is_INVALID_ARGUMENT()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var certificate = fixture.PushCertificates.Issue(TestPushCertificates.NewTopic());

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id, Certificate = ByteString.CopyFrom(certificate.RawData),
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await fixture.InTenantAsync(tenant.Id, db => db.PushCertificates.CountAsync()));
    }

    [Fact]
    public async Task A_renewal_through_a_new_request_must_keep_the_topic_while_devices_use_it()
    {
        var (tenant, topic) = await fixture.CreateTenantWithPushCertificateAsync();
        await fixture.SeedDevicesAsync(tenant.Id, 1, topic);
        var first = await CreateRequestAsync(tenant.Id);
        var request = await CreateRequestAsync(tenant.Id);
        Assert.NotEqual(first.CsrPem, request.CsrPem);
        using var otherTopic = fixture.PushCertificates.IssueForRequest(request.CsrPem, TestPushCertificates.NewTopic());
        using var staleRequest = fixture.PushCertificates.IssueForRequest(first.CsrPem, topic);
        using var renewal = fixture.PushCertificates.IssueForRequest(request.CsrPem, topic);

        var moved = await Assert.ThrowsAsync<RpcException>(() => UploadAloneAsync(tenant.Id, otherTopic));
        Assert.Equal(StatusCode.FailedPrecondition, moved.StatusCode);
        var stale = await Assert.ThrowsAsync<RpcException>(() => UploadAloneAsync(tenant.Id, staleRequest));
        Assert.Equal(StatusCode.InvalidArgument, stale.StatusCode);
        Assert.Equal(1, await fixture.InTenantAsync(tenant.Id, db => db.PushCertificateRequests.CountAsync()));

        var renewed = await UploadAloneAsync(tenant.Id, renewal);
        Assert.Equal(topic, renewed.Topic);
        Assert.Equal(Fingerprint(renewal), renewed.Sha256Fingerprint);
    }

    [Fact]
    public async Task Another_tenants_caller_cannot_make_a_request_for_the_tenant()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        using var otherClient = await TestApiClient.CreateAsync(fixture.Host, other.Id, ApiScopes.EnrollmentWrite, ApiScopes.EnrollmentRead);

        var error = await Assert.ThrowsAsync<RpcException>(() => new EnrollmentClient(otherClient.Channel.CreateCallInvoker())
            .CreatePushCertificateSigningRequestAsync(new CreatePushCertificateSigningRequestRequest { TenantId = tenant.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await fixture.InTenantAsync(tenant.Id, db => db.PushCertificateRequests.CountAsync()));
        Assert.Equal(0, await fixture.InTenantAsync(other.Id, db => db.PushCertificateRequests.CountAsync()));
    }

    private async Task<PushCertificateSigningRequest> CreateRequestAsync(string tenantId) =>
        await fixture.Enrollment.CreatePushCertificateSigningRequestAsync(new CreatePushCertificateSigningRequestRequest { TenantId = tenantId });

    private async Task<PushCertificate> UploadAloneAsync(string tenantId, X509Certificate2 certificate) =>
        await fixture.Enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenantId, Certificate = ByteString.CopyFrom(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())),
        });

    private static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    private static Task<ToolResult> RunOpenSslOnAsync(string pem, params string[] arguments) =>
        ToolOnFile.RunAsync(Encoding.ASCII.GetBytes(pem), "openssl", arguments);
}
