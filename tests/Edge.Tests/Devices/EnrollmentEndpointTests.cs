using System.Net;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Tls;
using static SaaSMdm.Edge.Tests.Devices.EdgeOverStubCore;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Edge with a public URL configured, as behind a load balancer.</summary>
public sealed class EdgeWithPublicUrl : EdgeOverStubCore
{
    public const string PublicUrl = "https://mdm.example.com/";

    protected override IDictionary<string, string?> EdgeSettings { get; } = new Dictionary<string, string?> { ["Edge:PublicUrl"] = PublicUrl };
}

/// <summary>The enrollment profile comes from Core, asked with the token, the tenant's public URL and Edge's development CA.</summary>
public sealed class EnrollmentEndpointTests : DeviceEndpointTests, IClassFixture<EdgeWithPublicUrl>
{
    private static readonly byte[] Profile = [0x30, 0x82, 0x01, 0x02, 0xAA, 0xBB];

    private readonly EdgeWithPublicUrl _publicUrlFixture;

    public EnrollmentEndpointTests(EdgeOverStubCore fixture, EdgeWithPublicUrl publicUrlFixture)
        : base(fixture)
    {
        _publicUrlFixture = publicUrlFixture;
        publicUrlFixture.Core.Reset();
        Core.ProfileAnswer = new GetEnrollmentProfileResponse { Profile = ByteString.CopyFrom(Profile), FileName = "alpha-enrollment.mobileconfig" };
    }

    [Fact]
    public async Task The_profile_is_downloaded_as_a_configuration_attachment()
    {
        var response = await Anonymous.GetAsync($"/t/{TenantA}/enroll?token=tok-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-apple-aspen-config", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("alpha-enrollment.mobileconfig", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(Profile, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Core_is_asked_with_the_token_the_tenants_URL_and_the_development_CA()
    {
        await Anonymous.GetAsync($"/t/{TenantA}/enroll?token=tok%2B1%20x");

        var asked = Core.Single<GetEnrollmentProfileRequest>();
        Assert.Equal(TenantAId, asked.TenantId);
        Assert.Equal("tok+1 x", asked.Token);
        Assert.Equal($"https://{Fixture.Edge.Address.Authority}/t/{TenantA}", asked.BaseUrl);
        using var developmentCa = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Fixture.Edge.DataDirectory, DevelopmentCertificates.CaCertificateFile));
        Assert.Equal(developmentCa.RawData, asked.TlsRootCaDer.ToByteArray());
    }

    [Fact]
    public async Task Without_a_token_Core_is_asked_with_an_empty_one()
    {
        await Anonymous.GetAsync($"/t/{TenantA}/enroll");

        Assert.Equal("", Core.Single<GetEnrollmentProfileRequest>().Token);
    }

    [Fact]
    public async Task A_configured_public_URL_is_the_base_of_the_profile()
    {
        using var http = _publicUrlFixture.Edge.CreateClient();

        await http.GetAsync($"/t/{TenantB}/enroll?token=t");

        Assert.Equal($"https://mdm.example.com/t/{TenantB}", _publicUrlFixture.Core.Single<GetEnrollmentProfileRequest>().BaseUrl);
    }

    [Fact]
    public async Task Tokens_do_not_reach_the_logs()
    {
        const string token = "secret-enrollment-token-4f9c2e";
        Core.Failure = new Rpc.Status(Rpc.StatusCode.PermissionDenied, "The enrollment token is not valid.");

        var response = await Anonymous.GetAsync($"/t/{TenantA}/enroll?token={token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("PermissionDenied", Fixture.Edge.Logs.AllText);
        Assert.DoesNotContain(token, Fixture.Edge.Logs.AllText);
    }

    [Theory]
    [InlineData("?token=a&token=b")]
    [InlineData("?token=")]
    public async Task Two_tokens_or_an_overlong_one_are_400_without_asking_Core(string query)
    {
        var url = query == "?token=" ? query + new string('t', 2000) : query;

        var response = await Anonymous.GetAsync($"/t/{TenantA}/enroll{url}");

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(Core.DeviceCalls);
    }
}
