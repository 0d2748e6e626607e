using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Security;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api.Authorization;

/// <summary>An API client a test made, with its secret.</summary>
public sealed record TestClient(Guid Id, string ClientId, string Secret, Guid? TenantId, IReadOnlySet<string> Scopes);

/// <summary>
/// API clients and people made straight in Core's database, their tokens from Core's real token endpoint, and tokens a test
/// mints itself with Core's claims (to make expired ones, or ones signed by a key that is not Core's).
/// </summary>
public sealed class TestCallers(CoreTestHost host)
{
    private readonly ConcurrentDictionary<(string ClientId, string Scope), string> _tokens = new();

    public TokenEndpointClient TokenEndpoint { get; } = new(new HttpClient(), TokenEndpointClient.EndpointOf(host.HttpAddress));

    public async Task<TestClient> CreateClientAsync(Guid? tenantId, IEnumerable<string> scopes, bool isOperator = false)
    {
        var client = new TestClient(Guid.NewGuid(), ClientSecrets.NewClientId(), ClientSecrets.NewSecret(), tenantId, scopes.ToHashSet(StringComparer.Ordinal));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        db.ApiClients.Add(new ApiClientEntity
        {
            Id = client.Id,
            ClientId = client.ClientId,
            Name = "Test client " + client.ClientId,
            SecretHash = SecretHash.Of(client.Secret),
            TenantId = tenantId,
            IsOperator = isOperator,
            Scopes = ApiScopes.Format(client.Scopes),
            CreatedAt = StoredTime.UtcNow(TimeProvider.System),
        });
        await db.SaveChangesAsync();
        return client;
    }

    /// <summary>A person with a confirmed email and, when <paramref name="tenantId"/> is given, <paramref name="role"/> there.</summary>
    public async Task<(string Email, string Password)> CreatePersonAsync(Guid? tenantId = null, TenantRole role = TenantRole.ReadOnly)
    {
        var email = $"person-{Guid.NewGuid():N}@example.test";
        var password = "pw-" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
        await using var scope = host.Services.CreateAsyncScope();
        var person = new PersonEntity
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test person",
            CreatedAt = StoredTime.UtcNow(TimeProvider.System),
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PersonEntity>>().CreateAsync(person, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(error => error.Description)));
        if (tenantId is { } tenant)
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            db.TenantMemberships.Add(new TenantMembershipEntity { TenantId = tenant, PersonId = person.Id, Role = role, CreatedAt = person.CreatedAt });
            await db.SaveChangesAsync();
        }

        return (email, password);
    }

    /// <summary>Signs a person in through the portal's client, as the portal does.</summary>
    public Task<TokenResponse> SignInAsync(string email, string password) =>
        TokenEndpoint.PasswordAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, email, password);

    /// <summary>A token from the token endpoint with <paramref name="scopes"/> (all the client holds when null); one per scope set.</summary>
    public async Task<string> TokenAsync(TestClient client, IEnumerable<string>? scopes = null)
    {
        var scope = scopes is null ? null : ApiScopes.Format(scopes);
        if (_tokens.TryGetValue((client.ClientId, scope ?? "*"), out var cached))
        {
            return cached;
        }

        var token = await TokenEndpoint.ClientCredentialsAsync(client.ClientId, client.Secret, scope);
        return _tokens[(client.ClientId, scope ?? "*")] = token.AccessToken;
    }

    /// <summary>The key Core signs with now.</summary>
    public Task<SigningKey> CoreSigningKeyAsync() => host.Services.GetRequiredService<SigningKeyRing>().SigningKeyAsync(CancellationToken.None);

    /// <summary>A token with exactly the claims Core gives <paramref name="client"/>, valid from <paramref name="issuedAt"/> to <paramref name="expires"/>, signed with <paramref name="key"/>.</summary>
    public string Mint(TestClient client, SecurityKey key, DateTime issuedAt, DateTime expires)
    {
        var auth = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = client.Id.ToString(),
            [JwtRegisteredClaimNames.Name] = client.ClientId,
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ["saasmdm_kind"] = "client",
            ["scope"] = ApiScopes.Format(client.Scopes),
            ["client_id"] = client.ClientId,
        };
        if (client.TenantId is { } tenant)
        {
            claims["saasmdm_tenant"] = tenant.ToString();
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>A P-256 key that is not Core's, under <paramref name="keyId"/> (e.g. the id of one of Core's keys).</summary>
    public static ECDsaSecurityKey ForeignKey(string keyId) =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId };
}
