using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api.PushRequests;

/// <summary>Core with an MDM vendor identity: a PKCS#12 of the vendor certificate with its key, then its issuer.</summary>
public sealed class VendorApiFixture : ApiFixture<OnSqlite>
{
    public const string Password = "vendor pass";

    private readonly string _directory = Directory.CreateTempSubdirectory("saasmdm-vendor-").FullName;

    public VendorApiFixture()
    {
        using var rootKey = RSA.Create(2048);
        using var vendorKey = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var rootRequest = new CertificateRequest("CN=Test Apple Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        using var vendorOnly = new CertificateRequest("CN=MDM Vendor: Test Vendor, O=Test Vendor", vendorKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .Create(root, now.AddHours(-1), now.AddYears(1), [1, 2, 3, 4]);
        using var vendor = vendorOnly.CopyWithPrivateKey(vendorKey);
        Vendor = X509CertificateLoader.LoadCertificate(vendor.RawData);
        Root = X509CertificateLoader.LoadCertificate(root.RawData);
        File.WriteAllBytes(VendorPath, new X509Certificate2Collection { vendor, Root }.Export(X509ContentType.Pkcs12, Password)!);
    }

    public X509Certificate2 Vendor { get; }

    public X509Certificate2 Root { get; }

    private string VendorPath => Path.Combine(_directory, "vendor.p12");

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Push:VendorCertificatePath"] = VendorPath,
        ["Push:VendorCertificatePassword"] = Password,
    };
}

/// <summary>With a vendor identity configured, the request comes back signed in the form Apple's portal takes.</summary>
public sealed class VendorSignedRequestTests(VendorApiFixture fixture) : IClassFixture<VendorApiFixture>
{
    private const string Script = """
        import base64, json, plistlib, sys
        plist = plistlib.loads(base64.b64decode(open(sys.argv[1], 'rb').read(), validate=True))
        assert all(isinstance(value, str) for value in plist.values()), 'every value must be a string'
        print(json.dumps(plist))
        """;

    [Fact]
    public async Task The_vendor_signs_the_request_with_its_chain_as_a_base64_plist()
    {
        var tenant = await fixture.CreateTenantAsync();

        var request = await fixture.Enrollment.CreatePushCertificateSigningRequestAsync(new CreatePushCertificateSigningRequestRequest { TenantId = tenant.Id });

        var plist = await ReadAsync(request.VendorSignedRequest.ToByteArray());
        Assert.Equal(["PushCertCertificateChain", "PushCertRequestCSR", "PushCertSignature"], plist.Keys.Order(StringComparer.Ordinal));
        var csrDer = Convert.FromBase64String(plist["PushCertRequestCSR"]);
        Assert.Equal(PemEncoding.WriteString("CERTIFICATE REQUEST", csrDer), request.CsrPem);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(plist["PushCertCertificateChain"]);
        Assert.Equal([fixture.Vendor.RawData, fixture.Root.RawData], chain.Select(c => c.RawData));
        using var vendorKey = fixture.Vendor.GetRSAPublicKey()!;
        Assert.True(vendorKey.VerifyData(csrDer, Convert.FromBase64String(plist["PushCertSignature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static async Task<Dictionary<string, string>> ReadAsync(byte[] encoded) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>((await ToolOnFile.RunAsync(encoded, "python3", "-c", Script)).StandardOutput)!;
}
