using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.TestHosts;

/// <summary>A tenant made through the public API, ready for devices: a push certificate and an enrollment token.</summary>
public sealed record TestTenant(Tenant Tenant, string Topic, string EnrollmentSecret)
{
    public string Id => Tenant.Id;

    public string Slug => Tenant.Slug;

    public static Task<TestTenant> CreateAsync(SystemUnderTest system, FakeApnsServer apns, string prefix) =>
        CreateAsync(system.Channel, apns, prefix);

    /// <param name="core">A channel to Core's public API.</param>
    public static async Task<TestTenant> CreateAsync(GrpcChannel core, FakeApnsServer apns, string prefix)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..24];
        var tenant = await new Tenants.TenantsClient(core.CreateCallInvoker()).CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = $"End to end {prefix}" });
        var enrollment = new Enrollment.EnrollmentClient(core.CreateCallInvoker());
        var topic = "com.apple.mgmt.External." + Guid.NewGuid();
        using var push = apns.CertificateAuthority.IssuePushCertificate(topic);
        await enrollment.UploadPushCertificateAsync(new UploadPushCertificateRequest
        {
            TenantId = tenant.Id,
            Certificate = ByteString.CopyFrom(push.Export(X509ContentType.Pkcs12, "push-password")),
            Password = "push-password",
        });
        var token = await enrollment.CreateEnrollmentTokenAsync(new CreateEnrollmentTokenRequest { TenantId = tenant.Id, Label = "end to end" });
        return new TestTenant(tenant, topic, token.Secret);
    }
}
