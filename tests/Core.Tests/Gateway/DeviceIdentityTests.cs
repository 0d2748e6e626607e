using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class DeviceIdentityTestsOnSqlite(GatewayFixture<OnSqlite> fixture)
    : DeviceIdentityTests<OnSqlite>(fixture), IClassFixture<GatewayFixture<OnSqlite>>;

public sealed class DeviceIdentityTestsOnPostgres(GatewayFixture<OnPostgres> fixture)
    : DeviceIdentityTests<OnPostgres>(fixture), IClassFixture<GatewayFixture<OnPostgres>>;

/// <summary>Whatever a device says, it speaks for the enrollment bound to its certificate, and only at its own tenant.</summary>
public abstract class DeviceIdentityTests<TProvider>(GatewayFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    public static TheoryData<string> Requests => ["TokenUpdate", "CheckOut", "SetBootstrapToken", "GetBootstrapToken", "Connect"];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_certificate_of_another_tenant_is_refused_and_changes_nothing(string request)
    {
        var tenant = await fixture.SharedTenantAsync();
        var victim = await tenant.EnrollDeviceAsync();
        var stranger = await (await fixture.OtherTenantAsync()).EnrollDeviceAsync();

        await AssertRefusedAsync(tenant, () => SendAsync(victim, request, stranger.Certificate));
    }

    [Fact]
    public async Task A_device_of_another_tenant_cannot_authenticate_here()
    {
        var tenant = await fixture.SharedTenantAsync();
        var stranger = await (await fixture.OtherTenantAsync()).NewDeviceAsync();
        var atWrongTenant = new TestDevice(tenant, stranger.Udid, stranger.Certificate);

        await AssertRefusedAsync(tenant, () => atWrongTenant.CheckInAsync(atWrongTenant.Authenticate()));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_self_signed_look_alike_is_refused_and_changes_nothing(string request)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var now = DateTimeOffset.UtcNow;
        using var lookAlike = new CertificateRequest(device.Certificate.SubjectName, fixture.DeviceKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        await AssertRefusedAsync(tenant, () => SendAsync(device, request, lookAlike));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task An_expired_certificate_is_refused_even_when_bound_to_the_enrollment(string request)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        using var expired = await IssueAsync(tenant, device.Certificate.SubjectName, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddMinutes(-1));
        await fixture.InTenantAsync(tenant.Id, (db, _) => db.Enrollments.Where(e => e.ChannelId == device.Udid).ExecuteUpdateAsync(update => update
            .SetProperty(e => e.IdentityCertificateDer, expired.RawData)
            .SetProperty(e => e.IdentityCertificateSha256, Convert.ToHexStringLower(SHA256.HashData(expired.RawData)))));

        await AssertRefusedAsync(tenant, () => SendAsync(device, request, expired));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Another_enrollment_certificate_is_refused_and_changes_nothing(string request)
    {
        var tenant = await fixture.SharedTenantAsync();
        var victim = await tenant.EnrollDeviceAsync();
        var neighbour = await tenant.EnrollDeviceAsync();

        await AssertRefusedAsync(tenant, () => SendAsync(victim, request, neighbour.Certificate));
    }

    [Fact]
    public async Task A_certificate_bound_to_one_enrollment_cannot_authenticate_as_another()
    {
        var tenant = await fixture.SharedTenantAsync();
        var victim = await tenant.EnrollDeviceAsync();
        var neighbour = await tenant.EnrollDeviceAsync();

        await AssertRefusedAsync(tenant, () => victim.CheckInAsync(victim.Authenticate(), presenting: neighbour.Certificate));
    }

    [Fact]
    public async Task Channels_authenticating_at_once_with_one_certificate_bind_it_once_and_the_rest_are_PERMISSION_DENIED()
    {
        var tenant = await fixture.SharedTenantAsync();
        var certificate = (await tenant.NewDeviceAsync()).Certificate;
        var claimants = Enumerable.Range(0, 6).Select(_ => new TestDevice(tenant, Guid.NewGuid().ToString("D").ToUpperInvariant(), certificate));

        var outcomes = await Task.WhenAll(claimants.Select(async device =>
        {
            try
            {
                TestDevice.AssertAccepted(await device.CheckInAsync(device.Authenticate()));
                return StatusCode.OK;
            }
            catch (RpcException refused)
            {
                return refused.StatusCode;
            }
        }));

        Assert.Equal([StatusCode.OK, .. Enumerable.Repeat(StatusCode.PermissionDenied, 5)], outcomes.Order());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
        Assert.Equal(1, await fixture.ReadAsync(tenant.Id, db => db.Enrollments.CountAsync(e => e.IdentityCertificateSha256 == sha256)));
    }

    [Theory]
    [InlineData("no certificate")]
    [InlineData("garbage")]
    public async Task A_missing_or_unreadable_certificate_is_refused(string problem)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.EnrollDeviceAsync();
        var identity = problem == "garbage" ? new DeviceIdentity { CertificateDer = ByteString.CopyFromUtf8("not a certificate") } : null;

        await AssertRefusedAsync(tenant, () => tenant.Gateway.CheckInAsync(new CheckInRequest
        {
            TenantId = tenant.Id.ToString(),
            Identity = identity,
            Plist = ByteString.CopyFrom(PlistWriter.WriteXml(device.TokenUpdate())),
            MessageType = "TokenUpdate",
        }).ResponseAsync);
        await AssertRefusedAsync(tenant, () => tenant.Gateway.ConnectAsync(new ConnectRequest
        {
            TenantId = tenant.Id.ToString(),
            Identity = identity,
            Plist = ByteString.CopyFrom(PlistWriter.WriteXml(device.Report("Idle"))),
        }).ResponseAsync);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task An_enrollment_the_tenant_does_not_know_is_told_to_unenroll(string request)
    {
        var tenant = await fixture.SharedTenantAsync();
        var device = await tenant.NewDeviceAsync();
        var before = await fixture.SnapshotAsync(tenant.Id);

        TestDevice.AssertUnrecognized(await SendAsync(device, request, device.Certificate));

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    private static Task<DeviceResponse> SendAsync(TestDevice device, string request, X509Certificate2 presenting) => request switch
    {
        "Connect" => device.ConnectAsync(device.Report("Idle"), presenting),
        "TokenUpdate" => device.CheckInAsync(device.TokenUpdate(), presenting),
        "SetBootstrapToken" => device.CheckInAsync(device.Message(request).Add("BootstrapToken", new PlistData([1, 2, 3])), presenting),
        _ => device.CheckInAsync(device.Message(request), presenting),
    };

    private async Task AssertRefusedAsync(TestTenant tenant, Func<Task> request)
    {
        var before = await fixture.SnapshotAsync(tenant.Id);

        await TestDevice.AssertRefusedAsync(StatusCode.PermissionDenied, request);

        Assert.Equal(before, await fixture.SnapshotAsync(tenant.Id));
    }

    /// <summary>A certificate from the tenant's own CA with the validity given, as SCEP would never issue it.</summary>
    private Task<X509Certificate2> IssueAsync(TestTenant tenant, X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        fixture.InTenantAsync(tenant.Id, async (_, services) =>
        {
            var ca = await services.GetRequiredService<TenantCertificateAuthorities>().GetSigningIdentityAsync(CancellationToken.None);
            var request = new CertificateRequest(subject, fixture.DeviceKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return request.Create(ca.Certificate.SubjectName, X509SignatureGenerator.CreateForRSA((RSA)ca.PrivateKey, RSASignaturePadding.Pkcs1),
                notBefore, notAfter, ScepIssuanceOptions.RandomSerialNumber());
        });
}
