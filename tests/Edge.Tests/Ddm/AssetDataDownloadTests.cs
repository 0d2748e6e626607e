using SaaSMdm.Apple.Cms;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using SaaSMdm.Contracts.V1;
using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Transport;
using SaaSMdm.Edge.Tests.Devices;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Edge.Tests.Ddm;

/// <summary>
/// Asset data from upload to a device: the Reference Core returns leads an enrolled device, through Edge, to exactly the
/// uploaded bytes, whichever way it proves its identity; nobody else gets them.
/// </summary>
public sealed class AssetDataDownloadTests(EdgeOverCore fixture) : IClassFixture<EdgeOverCore>, IAsyncLifetime
{
    private static readonly byte[] Pem = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

    private TestTenant _tenant = null!;
    private UploadAssetDataResponse _upload = null!;

    public async Task InitializeAsync()
    {
        _tenant = await fixture.CreateTenantAsync("assets");
        _upload = await fixture.AssetData.UploadAssetDataAsync(new UploadAssetDataRequest
        {
            TenantId = _tenant.Id,
            ContentType = "application/pem",
            Data = ByteString.CopyFrom(Pem),
            Label = "root",
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_enrolled_device_signing_its_request_gets_the_data_the_Reference_describes()
    {
        using var device = await fixture.EnrollDeviceAsync(_tenant);
        using var http = fixture.Edge.CreateClient();

        using var response = await http.SendAsync(await SignedGetAsync(ReferencePath(), device.Identity!.Certificate));

        await AssertIsReferencedDataAsync(response);
    }

    [Fact]
    public async Task An_enrolled_device_presenting_its_TLS_identity_gets_the_data()
    {
        using var device = await fixture.EnrollDeviceAsync(_tenant, IdentityTransport.TlsClientCertificate);
        using var http = fixture.Edge.CreateClient(device.Identity!.Certificate);

        using var response = await http.GetAsync(ReferencePath());

        await AssertIsReferencedDataAsync(response);
    }

    [Fact]
    public async Task A_request_without_a_device_identity_is_401()
    {
        using var http = fixture.Edge.CreateClient();

        using var response = await http.GetAsync(ReferencePath());

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_device_of_another_tenant_is_403_at_this_tenants_URL_and_404_at_its_own()
    {
        var other = await fixture.CreateTenantAsync("other");
        using var device = await fixture.EnrollDeviceAsync(other);
        using var http = fixture.Edge.CreateClient();
        var certificate = device.Identity!.Certificate;

        using var here = await http.SendAsync(await SignedGetAsync(ReferencePath(), certificate));
        using var there = await http.SendAsync(await SignedGetAsync(ReferencePath().Replace(_tenant.Slug, other.Slug, StringComparison.Ordinal), certificate));

        await DeviceRequests.AssertProblemAsync(here, HttpStatusCode.Forbidden);
        await DeviceRequests.AssertProblemAsync(there, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_device_that_checked_out_is_403()
    {
        using var device = await fixture.EnrollDeviceAsync(_tenant);
        await device.CheckOutAsync();
        using var http = fixture.Edge.CreateClient();

        using var response = await http.SendAsync(await SignedGetAsync(ReferencePath(), device.Identity!.Certificate));

        var detail = await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("enrolled device", detail);
    }

    [Fact]
    public async Task An_unknown_asset_is_404_for_an_enrolled_device()
    {
        using var device = await fixture.EnrollDeviceAsync(_tenant);
        using var http = fixture.Edge.CreateClient();

        using var response = await http.SendAsync(await SignedGetAsync($"/t/{_tenant.Slug}/ddm/assets/{Guid.CreateVersion7()}", device.Identity!.Certificate));

        await DeviceRequests.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private string ReferencePath()
    {
        using var reference = JsonDocument.Parse(_upload.ReferenceJson);
        return new Uri(reference.RootElement.GetProperty("DataURL").GetString()!).AbsolutePath;
    }

    /// <summary>A GET as a device whose profile sets SignMessage makes it: the Mdm-Signature signs the empty body.</summary>
    private static async Task<HttpRequestMessage> SignedGetAsync(string path, X509Certificate2 identity)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(MdmSignatureHeader.Name, await EmptyBodySignature.SignAsync(identity));
        return request;
    }

    /// <summary>What a device checks before it uses the data: status, type, size and SHA-256 against the Reference.</summary>
    private async Task AssertIsReferencedDataAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var reference = JsonDocument.Parse(_upload.ReferenceJson);
        var root = reference.RootElement;
        var sha256 = SHA256.HashData(body);
        Assert.Equal(Pem, body);
        Assert.Equal(root.GetProperty("Hash-SHA-256").GetString(), Convert.ToHexStringLower(sha256));
        Assert.Equal(root.GetProperty("Size").GetInt64(), response.Content.Headers.ContentLength);
        Assert.Equal(root.GetProperty("ContentType").GetString(), response.Content.Headers.ContentType?.ToString());
        Assert.Equal($"\"{Convert.ToHexStringLower(sha256)}\"", response.Headers.ETag?.ToString());
        Assert.Equal($"sha-256=:{Convert.ToBase64String(sha256)}:", Assert.Single(response.Headers.GetValues("Repr-Digest")));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
