using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Identity.Tokens;
using SaaSMdm.Core.Security;
using SaaSMdm.Core.Tests.Api.Authorization;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Core.Tests.Identity;

public sealed class SigningKeysOnSqlite(CoreFixture<OnSqlite> fixture) : SigningKeyTests<OnSqlite>(fixture);

public sealed class SigningKeysOnPostgres(CoreFixture<OnPostgres> fixture) : SigningKeyTests<OnPostgres>(fixture);

/// <summary>The keys that sign access tokens: published as JWKS, checkable by another implementation, and rotated without breaking tokens.</summary>
public abstract class SigningKeyTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private static readonly HttpClient Http = new();

    private readonly TestCallers _callers = new(fixture.Host);

    [Fact]
    public async Task The_JWKS_lists_the_key_of_an_issued_token_with_its_public_half_only()
    {
        var token = await OperatorTokenAsync(fixture.Host);

        var keys = await JwksAsync(fixture.Host);

        var key = Assert.Single(keys, key => key.GetProperty("kid").GetString() == KeyIdOf(token));
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.All(keys, published => Assert.False(published.TryGetProperty("d", out _)));
    }

    [Fact]
    public async Task OpenSSL_verifies_a_tokens_signature_with_the_key_rebuilt_from_the_JWKS()
    {
        var token = await OperatorTokenAsync(fixture.Host);
        var key = (await JwksAsync(fixture.Host)).Single(key => key.GetProperty("kid").GetString() == KeyIdOf(token));
        var directory = Directory.CreateTempSubdirectory("saasmdm-jwks-").FullName;
        try
        {
            var parts = token.Split('.');
            await OpenSslAsync(directory, "asn1parse", "-genconf", await WriteAsync(directory, "key.conf", PublicKeyConf(key)), "-out", "key.der");
            await OpenSslAsync(directory, "pkey", "-pubin", "-inform", "DER", "-in", "key.der", "-out", "key.pem");
            await OpenSslAsync(directory, "asn1parse", "-genconf", await WriteAsync(directory, "signature.conf", SignatureConf(parts[2])), "-out", "signature.der");
            await WriteAsync(directory, "signed.txt", parts[0] + "." + parts[1]);
            await WriteAsync(directory, "tampered.txt", parts[0] + "." + parts[1] + "x");

            var verified = await ExternalTool.RunAsync("openssl", ["dgst", "-sha256", "-verify", "key.pem", "-signature", "signature.der", "signed.txt"], TimeSpan.FromSeconds(30), directory);
            var tampered = await ExternalTool.RunAsync("openssl", ["dgst", "-sha256", "-verify", "key.pem", "-signature", "signature.der", "tampered.txt"], TimeSpan.FromSeconds(30), directory);

            Assert.True(verified.ExitCode == 0, verified.ToString());
            Assert.Contains("Verified OK", verified.StandardOutput, StringComparison.Ordinal);
            Assert.NotEqual(0, tampered.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_rotation_tokens_of_the_successor_and_of_retired_but_unexpired_keys_validate_and_the_JWKS_lists_them()
    {
        var client = await _callers.CreateClientAsync(null, [ApiScopes.TenantsRead]);
        var beforeRotation = await _callers.TokenAsync(client);
        var now = StoredTime.UtcNow(TimeProvider.System);
        using var retired = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var successor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var expired = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var retiredId = await InsertKeyAsync(retired, activatesAt: now.AddDays(-31), retiresAt: now.AddDays(-1), expiresAt: now.AddHours(1));
        var successorId = await InsertKeyAsync(successor, activatesAt: now, retiresAt: now.AddDays(30), expiresAt: now.AddDays(30).AddHours(1));
        var expiredId = await InsertKeyAsync(expired, activatesAt: now.AddDays(-62), retiresAt: now.AddDays(-32), expiresAt: now.AddDays(-31));

        // A replica started after the rotation reads the keys fresh; the fixture's Core would after its cache lifetime.
        await using var replica = await CoreTestHost.StartAsync(fixture.Database);
        var afterRotation = await OperatorTokenAsync(replica);
        var published = (await JwksAsync(replica)).Select(key => key.GetProperty("kid").GetString()).ToList();
        var signedByRetired = _callers.Mint(client, new ECDsaSecurityKey(retired) { KeyId = retiredId }, now.AddMinutes(-1), now.AddMinutes(5));
        var signedByExpired = _callers.Mint(client, new ECDsaSecurityKey(expired) { KeyId = expiredId }, now.AddMinutes(-1), now.AddMinutes(5));

        Assert.Equal(successorId, KeyIdOf(afterRotation));
        Assert.Contains(KeyIdOf(beforeRotation), published);
        Assert.Contains(successorId, published);
        Assert.Contains(retiredId, published);
        Assert.DoesNotContain(expiredId, published);
        Assert.Equal(StatusCode.OK, (await ListTenantsAsync(replica, beforeRotation)).Code);
        Assert.Equal(StatusCode.OK, (await ListTenantsAsync(replica, afterRotation)).Code);
        Assert.Equal(StatusCode.OK, (await ListTenantsAsync(replica, signedByRetired)).Code);
        Assert.Equal(StatusCode.Unauthenticated, (await ListTenantsAsync(replica, signedByExpired)).Code);
    }

    private static async Task<string> OperatorTokenAsync(CoreTestHost host) =>
        (await new Contracts.Auth.TokenEndpointClient(Http, Contracts.Auth.TokenEndpointClient.EndpointOf(host.HttpAddress))
            .ClientCredentialsAsync(TestSecrets.OperatorClientId, TestSecrets.OperatorClientSecret)).AccessToken;

    private static async Task<List<JsonElement>> JwksAsync(CoreTestHost host)
    {
        using var jwks = JsonDocument.Parse(await Http.GetStringAsync(new Uri(host.HttpAddress, TokenEndpoint.JwksPath)));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(key => key.Clone())];
    }

    private static async Task<ApiOutcome> ListTenantsAsync(CoreTestHost host, string accessToken)
    {
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
        return await AnyApiCall.CallAsync(channel, Contracts.V1.Tenants.Descriptor.FindMethodByName("ListTenants"), new ListTenantsRequest(), AnyApiCall.Bearer(accessToken));
    }

    private async Task<string> InsertKeyAsync(ECDsa key, DateTime activatesAt, DateTime retiresAt, DateTime expiresAt)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var row = new SigningKeyEntity
        {
            Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ProtectedPrivateKey = scope.ServiceProvider.GetRequiredService<SecretProtector>().Protect(SecretPurpose.TokenSigningKey, key.ExportPkcs8PrivateKey()),
            CreatedAt = activatesAt,
            ActivatesAt = activatesAt,
            RetiresAt = retiresAt,
            ExpiresAt = expiresAt,
        };
        db.SigningKeys.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static string KeyIdOf(string token)
    {
        using var header = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[0]));
        return header.RootElement.GetProperty("kid").GetString()!;
    }

    /// <summary>OpenSSL builds the SubjectPublicKeyInfo of the JWK's point itself (RFC 5480: id-ecPublicKey on prime256v1).</summary>
    private static string PublicKeyConf(JsonElement jwk) => $"""
        asn1=SEQUENCE:spki
        [spki]
        algorithm=SEQUENCE:algorithm
        key=FORMAT:HEX,BITSTRING:04{Hex(jwk.GetProperty("x").GetString()!)}{Hex(jwk.GetProperty("y").GetString()!)}
        [algorithm]
        type=OID:id-ecPublicKey
        curve=OID:prime256v1
        """;

    /// <summary>A JWS ES256 signature is r||s (RFC 7518 §3.4); OpenSSL wants the DER sequence of the two integers.</summary>
    private static string SignatureConf(string signature)
    {
        var raw = Hex(signature);
        return $"""
            asn1=SEQUENCE:signature
            [signature]
            r=INTEGER:0x{raw[..64]}
            s=INTEGER:0x{raw[64..]}
            """;
    }

    private static string Hex(string base64Url) => Convert.ToHexString(Base64UrlEncoder.DecodeBytes(base64Url));

    private static async Task<string> WriteAsync(string directory, string name, string text)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, name), text, Encoding.ASCII);
        return name;
    }

    private static async Task OpenSslAsync(string directory, params string[] arguments) =>
        (await ExternalTool.RunAsync("openssl", arguments, TimeSpan.FromSeconds(30), directory)).EnsureSuccess();
}
