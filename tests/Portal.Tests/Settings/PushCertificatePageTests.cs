using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The push certificate page over HTTP against a real Core: the steps when there is none, uploads, refusals and expiry warnings.</summary>
public sealed class PushCertificatePageTests(CoreFixture<OnSqlite> core) : PortalPageTests(() => core.Host), IClassFixture<CoreFixture<OnSqlite>>
{
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";

    private Enrollment.EnrollmentClient Api => new(core.Host.Channel.CreateCallInvoker());

    private string Page => $"/t/{Tenant.Slug}/settings/push-certificate";

    [Fact]
    public async Task Without_a_certificate_the_page_explains_the_steps_refuses_a_bad_file_and_stores_a_good_one()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;
        var none = await session.GetAsync(Page);
        Assert.Contains("data-push-certificate=\"none\"", none.Html);
        Assert.Contains("Push Certificates Portal", none.Html);

        var garbage = await UploadAsync(session, Encoding.UTF8.GetBytes("not a certificate"));
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Contains("data-error", await SettingsKit.HtmlOf(garbage));
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Api.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = Tenant.Id }).ResponseAsync)).StatusCode);

        var topic = $"com.apple.mgmt.External.{Guid.NewGuid()}";
        var uploaded = await UploadAsync(session, PushCertificatePem(topic, DateTimeOffset.UtcNow.AddDays(10)));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(topic, (await Api.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = Tenant.Id })).Topic);
        var html = (await session.GetAsync(Page)).Html;
        Assert.Contains($"<code data-topic>{topic}</code>", html);
        Assert.Contains("data-expiry=\"soon\"", html);
    }

    [Fact]
    public async Task An_admin_makes_a_signing_request_here_and_Apple_s_certificate_alone_completes_it()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var made = await session.PostFormAsync(Page, "signing-request", []);
        var html = WebUtility.HtmlDecode(await SettingsKit.HtmlOf(made));
        var csrPem = html[html.IndexOf("-----BEGIN CERTIFICATE REQUEST-----", StringComparison.Ordinal)..(html.IndexOf("-----END CERTIFICATE REQUEST-----", StringComparison.Ordinal) + 33)];
        Assert.Contains("data-download=\"csr\"", html);
        Assert.NotNull((await Api.GetEnrollmentSettingsAsync(new GetEnrollmentSettingsRequest { TenantId = Tenant.Id })).PendingPushRequestCreateTime);
        var later = (await session.GetAsync(Page)).Html;
        Assert.Contains("data-pending-request", later);
        Assert.DoesNotContain("BEGIN CERTIFICATE REQUEST", later);

        var topic = $"com.apple.mgmt.External.{Guid.NewGuid()}";
        var uploaded = await UploadAsync(session, Encoding.UTF8.GetBytes(IssuedFor(csrPem, topic).ExportCertificatePem()));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(topic, (await Api.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = Tenant.Id })).Topic);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_Core_and_stores_nothing()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var response = await UploadAsync(session, new byte[65 * 1024]);

        Assert.Contains("larger than 64 KiB", await SettingsKit.HtmlOf(response));
        await Assert.ThrowsAsync<RpcException>(() => Api.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = Tenant.Id }).ResponseAsync);
    }

    [Fact]
    public async Task Read_only_sees_the_certificate_but_no_upload_and_a_forged_upload_stores_nothing()
    {
        var topic = $"com.apple.mgmt.External.{Guid.NewGuid()}";
        await Api.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = Tenant.Id,
            Certificate = Google.Protobuf.ByteString.CopyFrom(PushCertificatePem(topic, DateTimeOffset.UtcNow.AddDays(300))),
        });
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.ReadOnly);
        using var _ = session;

        var page = await session.GetAsync(Page);
        Assert.Contains($"<code data-topic>{topic}</code>", page.Html);
        Assert.DoesNotContain("data-expiry", page.Html);
        SettingsKit.HasNoChangingForms(page.Html);
        var forged = await UploadAsync(session, PushCertificatePem($"com.apple.mgmt.External.{Guid.NewGuid()}", DateTimeOffset.UtcNow.AddDays(300)), page.Html);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(topic, (await Api.GetPushCertificateAsync(new GetPushCertificateRequest { TenantId = Tenant.Id })).Topic);
    }

    private async Task<HttpResponseMessage> UploadAsync(PortalHttpSession session, byte[] file, string? page = null)
    {
        page ??= (await session.GetAsync(Page)).Html;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(SettingsKit.AntiforgeryOf(page)), "__RequestVerificationToken" },
            { new StringContent(""), "Upload.Password" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-pem-file");
        form.Add(content, "Upload.File", "push.pem");
        return await session.Http.PostAsync(Page, form);
    }

    /// <summary>What Apple issues for a signing request: a certificate for the request's key, with the topic in its UID.</summary>
    private static X509Certificate2 IssuedFor(string csrPem, string topic)
    {
        var signingRequest = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        using var issuerKey = RSA.Create(2048);
        var authority = new CertificateRequest("CN=Test Apple push CA", issuerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authority.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var issuer = authority.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var subject = new X500DistinguishedNameBuilder();
        subject.Add(UserIdOid, topic);
        subject.AddCommonName($"APSP:{topic}");
        var request = new CertificateRequest(subject.Build(), signingRequest.PublicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(365), [1, 2, 3, 4]);
    }

    /// <summary>A certificate shaped like Apple's MDM push certificate (topic in the UID) with its key, as one PEM bundle.</summary>
    private static byte[] PushCertificatePem(string topic, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.Add(UserIdOid, topic);
        subject.AddCommonName($"APSP:{topic}");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), notAfter);
        return Encoding.UTF8.GetBytes(certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
