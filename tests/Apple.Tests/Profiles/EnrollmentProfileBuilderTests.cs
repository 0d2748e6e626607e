using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Apple.Tests.Cms;
using SaaSMdm.Apple.Tests.Plist;
using SaaSMdm.Apple.Tests.Schema;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Apple.Tests.Profiles;

public sealed class EnrollmentProfileBuilderTests
{
    private const string Topic = "com.apple.mgmt.External.7f3c2d1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f";

    /// <summary>Reads the plist file named by argv[1] with plistlib and prints it as JSON, data as <c>{"data": base64}</c>.</summary>
    private const string PlistlibToJson = """
        import base64, json, plistlib, sys
        def convert(value):
            if isinstance(value, dict):
                return {key: convert(item) for key, item in value.items()}
            if isinstance(value, list):
                return [convert(item) for item in value]
            if isinstance(value, bytes):
                return {"data": base64.b64encode(value).decode("ascii")}
            return value
        with open(sys.argv[1], "rb") as handle:
            json.dump(convert(plistlib.load(handle)), sys.stdout)
        """;

    private static readonly ScepIdentityOptions Scep = new(new Uri("https://mdm.example.com/scep"), "one-time-challenge")
    {
        Name = "SaaS MDM CA",
        Subject = [("O", "Example Corp"), ("CN", "MDM Identity 42")],
        CAFingerprint = SHA256.HashData("ca"u8),
    };

    [Fact]
    public async Task Scep_profile_is_signed_and_readable_by_openssl_and_plistlib()
    {
        using var signer = TestPki.CreateSelfSigned("Profile Signer", TestKeyType.Rsa2048);
        var profile = new EnrollmentProfileBuilder().Build(Options(Scep));

        var signed = profile.Sign(new ProfileSigner(TestPki.Identity(signer)));
        var read = await OpensslThenPlistlib(signed);

        Assert.Equal("Configuration", (string?)read["PayloadType"]);
        Assert.Equal(1, (int?)read["PayloadVersion"]);
        Assert.Equal(("com.example.mdm", "Example MDM", "Example Corp", "Enrolls this device"), ((string?)read["PayloadIdentifier"], (string?)read["PayloadDisplayName"], (string?)read["PayloadOrganization"], (string?)read["PayloadDescription"]));
        var payloads = read["PayloadContent"]!.AsArray();
        Assert.Equal(["com.apple.security.scep", "com.apple.mdm"], payloads.Select(payload => (string?)payload!["PayloadType"]));
        var scep = payloads[0]!;
        var scepContent = scep["PayloadContent"]!;
        Assert.Equal(("https://mdm.example.com/scep", "one-time-challenge", "SaaS MDM CA"), ((string?)scepContent["URL"], (string?)scepContent["Challenge"], (string?)scepContent["Name"]));
        Assert.Equal((2048, "RSA", 5), ((int?)scepContent["Keysize"], (string?)scepContent["Key Type"], (int?)scepContent["Key Usage"]));
        Assert.Equal("""[[["O","Example Corp"]],[["CN","MDM Identity 42"]]]""", scepContent["Subject"]!.ToJsonString());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData("ca"u8)), (string?)scepContent["CAFingerprint"]!["data"]);
        var mdm = payloads[1]!;
        Assert.Equal((string?)scep["PayloadUUID"], (string?)mdm["IdentityCertificateUUID"]);
        Assert.Equal(profile.IdentityPayloadUuid, (string?)mdm["IdentityCertificateUUID"]);
        Assert.Equal((Topic, "https://mdm.example.com/mdm/command", "https://mdm.example.com/mdm/checkin"), ((string?)mdm["Topic"], (string?)mdm["ServerURL"], (string?)mdm["CheckInURL"]));
        Assert.Equal((true, true, 8191), ((bool?)mdm["SignMessage"], (bool?)mdm["CheckOutWhenRemoved"], (int?)mdm["AccessRights"]));
        Assert.Equal("""["com.apple.mdm.per-user-connections","com.apple.mdm.bootstraptoken"]""", mdm["ServerCapabilities"]!.ToJsonString());
        Assert.Equal(3, new[] { (string?)read["PayloadUUID"], (string?)scep["PayloadUUID"], (string?)mdm["PayloadUUID"] }.Distinct().Count());
        Assert.All(payloads, payload => Assert.StartsWith("com.example.mdm.", (string?)payload!["PayloadIdentifier"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pkcs12_profile_with_a_root_carries_the_bytes_intact()
    {
        using var signer = TestPki.CreateSelfSigned("Profile Signer");
        using var root = TestPki.CreateRoot("Server TLS Root");
        using var identity = TestPki.CreateSelfSigned("Device Identity", TestKeyType.Rsa2048);
        var pkcs12 = identity.Export(X509ContentType.Pkcs12, "secret");
        var profile = new EnrollmentProfileBuilder(AppleSchemaCatalog.Default).Build(new EnrollmentProfileOptions
        {
            PayloadIdentifier = "com.example.mdm",
            DisplayName = "Example MDM",
            ServerUrl = new Uri("https://mdm.example.com/mdm"),
            Topic = Topic,
            Identity = new Pkcs12IdentityOptions(pkcs12, "secret"),
            RootCertificates = [root.RawData],
            AccessRights = 1 | 2 | 4 | 8 | 16,
            ServerCapabilities = [],
            UseDevelopmentApns = true,
            RemovalDisallowed = true,
        });

        var read = await OpensslThenPlistlib(profile.Sign(new ProfileSigner(TestPki.Identity(signer))));

        var payloads = read["PayloadContent"]!.AsArray();
        Assert.Equal(["com.apple.security.pkcs12", "com.apple.mdm", "com.apple.security.root"], payloads.Select(payload => (string?)payload!["PayloadType"]));
        Assert.Equal(Convert.ToBase64String(pkcs12), (string?)payloads[0]!["PayloadContent"]!["data"]);
        Assert.Equal("secret", (string?)payloads[0]!["Password"]);
        Assert.Equal(Convert.ToBase64String(root.RawData), (string?)payloads[2]!["PayloadContent"]!["data"]);
        Assert.Equal((31, true), ((int?)payloads[1]!["AccessRights"], (bool?)payloads[1]!["UseDevelopmentAPNS"]));
        Assert.Null(payloads[1]!["CheckInURL"]);
        Assert.True((bool?)read["PayloadRemovalDisallowed"]);
        using var reopened = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String((string)payloads[0]!["PayloadContent"]!["data"]!), "secret");
        Assert.Equal(identity.Thumbprint, reopened.Thumbprint);
    }

    [Fact]
    public void The_signed_profile_verifies_with_our_own_verifier_too()
    {
        using var signer = TestPki.CreateSelfSigned("Profile Signer");
        var profile = new EnrollmentProfileBuilder().Build(Options(Scep));

        var opened = SignedProfileVerifier.Verify(profile.Sign(new ProfileSigner(TestPki.Identity(signer))));

        Assert.Equal(profile.ToXml(), opened.Content);
        Assert.Equal(profile.Plist, PlistReader.Read(opened.Content));
    }

    [Fact]
    public void Payloads_that_break_the_schema_are_refused_before_signing()
    {
        var builder = new EnrollmentProfileBuilder();
        var cases = new (EnrollmentProfileOptions Options, string Path, SchemaProblemKind Kind)[]
        {
            (With(Options(Scep), serverUrl: new Uri("http://mdm.example.com/")), "PayloadContent[1].ServerURL", SchemaProblemKind.FormatMismatch),
            (With(Options(Scep), capabilities: ["com.apple.mdm.per-user-connection"]), "PayloadContent[1].ServerCapabilities[0]", SchemaProblemKind.ValueNotAllowed),
            (Options(Scep with { KeySize = 3072 }), "PayloadContent[0].PayloadContent.Keysize", SchemaProblemKind.ValueNotAllowed),
        };

        foreach (var (options, path, kind) in cases)
        {
            var error = Assert.Throws<SchemaValidationException>(() => builder.Build(options));
            var problem = Assert.Single(error.Result.Problems);
            Assert.Equal((path, kind), (problem.Path, problem.Kind));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8192)]
    [InlineData(2)]
    [InlineData(1 | 128)]
    public void Inconsistent_access_rights_are_refused(int rights) =>
        Assert.Throws<ArgumentException>(() => new EnrollmentProfileBuilder().Build(With(Options(Scep), accessRights: rights)));

    private static EnrollmentProfileOptions Options(IdentityPayloadOptions identity) => new()
    {
        PayloadIdentifier = "com.example.mdm",
        DisplayName = "Example MDM",
        Organization = "Example Corp",
        Description = "Enrolls this device",
        ServerUrl = new Uri("https://mdm.example.com/mdm/command"),
        CheckInUrl = new Uri("https://mdm.example.com/mdm/checkin"),
        Topic = Topic,
        Identity = identity,
        SignMessage = true,
    };

    private static EnrollmentProfileOptions With(EnrollmentProfileOptions options, Uri? serverUrl = null, IReadOnlyList<string>? capabilities = null, int? accessRights = null) => new()
    {
        PayloadIdentifier = options.PayloadIdentifier,
        DisplayName = options.DisplayName,
        ServerUrl = serverUrl ?? options.ServerUrl,
        Topic = options.Topic,
        Identity = options.Identity,
        ServerCapabilities = capabilities ?? options.ServerCapabilities,
        AccessRights = accessRights ?? options.AccessRights,
    };

    /// <summary>openssl checks the CMS signature and extracts the content; plistlib reads it, independently of our reader.</summary>
    private static async Task<JsonNode> OpensslThenPlistlib(byte[] signed)
    {
        using var directory = new TempDirectory();
        var content = directory.File("profile.mobileconfig");
        (await ExternalTool.RunAsync("openssl", "cms", "-verify", "-noverify", "-inform", "DER", "-in", directory.Write("profile.der", signed), "-out", content))
            .EnsureSuccess();
        var json = PlistlibBridge.RunPython([], "-c", PlistlibToJson, content);
        return JsonNode.Parse(Encoding.UTF8.GetString(json))!;
    }
}
