using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Api.Accounts;

public sealed class ApiClientsApiOnSqlite(CoreFixture<OnSqlite> fixture) : ApiClientsApiTests<OnSqlite>(fixture);

public sealed class ApiClientsApiOnPostgres(CoreFixture<OnPostgres> fixture) : ApiClientsApiTests<OnPostgres>(fixture);

/// <summary>
/// A tenant's API clients made through the API: their scopes never exceed their creator's, their secret is shown once
/// and works at the real token endpoint, revoking stops their tokens at once, rotating replaces the secret.
/// </summary>
public abstract class ApiClientsApiTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>, IDisposable
    where TProvider : IProviderChoice
{
    private readonly AccountsKit _kit = new(fixture.Host);

    [Fact]
    public async Task A_new_client_gets_a_token_for_its_scopes_and_is_refused_beyond_them()
    {
        var tenant = await _kit.CreateTenantAsync();

        var created = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead, ApiScopes.ClientsRead]);
        using var channel = _kit.ClientChannel(created.Client.ClientId, created.ClientSecret);
        var devices = new Devices.DevicesClient(channel.CreateCallInvoker());
        var enrollment = new Enrollment.EnrollmentClient(channel.CreateCallInvoker());

        Assert.StartsWith("cl_", created.Client.ClientId);
        Assert.Equal([ApiScopes.ClientsRead, ApiScopes.DevicesRead], created.Client.Scopes);
        Assert.Equal(tenant.Id, created.Client.TenantId);
        Assert.False(created.Client.Revoked);
        Assert.Empty(created.Client.MspOrganizationId);
        await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        var refused = await Assert.ThrowsAsync<RpcException>(() => enrollment.ListEnrollmentTokensAsync(new ListEnrollmentTokensRequest { TenantId = tenant.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var stored = await StoredAsync(created.Client.ClientId);
        Assert.Equal(SecretHash.Of(created.ClientSecret), stored.SecretHash);
        var seen = await new ApiClients.ApiClientsClient(channel.CreateCallInvoker()).GetApiClientAsync(new GetApiClientRequest { TenantId = tenant.Id, ClientId = created.Client.ClientId });
        Assert.Equal(created.Client.ClientId, seen.ClientId);
        Assert.NotNull(seen.LastUseTime);
        Assert.DoesNotContain(stored.SecretHash, seen.ToString());
        Assert.DoesNotContain(created.ClientSecret, seen.ToString());
    }

    [Fact]
    public async Task A_client_cannot_grant_scopes_it_does_not_hold_nor_ones_no_tenant_client_may_hold()
    {
        var tenant = await _kit.CreateTenantAsync();
        var creator = await _kit.ClientOfTenantAsync(tenant.Id, ApiScopes.ClientsWrite, ApiScopes.DevicesRead);
        var before = await _kit.CountAsync(db => db.ApiClients);

        var escalation = await RefusedAsync(() => _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead, ApiScopes.DevicesWrite], creator));
        var unknown = await RefusedAsync(() => _kit.CreateClientAsync(tenant.Id, ["devices:everything"], creator));
        var operatorOnly = await RefusedAsync(() => _kit.CreateClientAsync(tenant.Id, [ApiScopes.TenantsWrite]));
        var personOnly = await RefusedAsync(() => _kit.CreateClientAsync(tenant.Id, [ApiScopes.AccountWrite]));
        var none = await RefusedAsync(() => _kit.CreateClientAsync(tenant.Id, []));

        Assert.Equal(StatusCode.PermissionDenied, escalation.StatusCode);
        Assert.Contains(ApiScopes.DevicesWrite, escalation.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, operatorOnly.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, personOnly.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, none.StatusCode);
        Assert.Equal(before, await _kit.CountAsync(db => db.ApiClients));
        var allowed = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead, ApiScopes.DevicesRead], creator);
        Assert.Equal([ApiScopes.DevicesRead], allowed.Client.Scopes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    public async Task Malformed_names_are_refused_and_nothing_is_stored(string name)
    {
        var tenant = await _kit.CreateTenantAsync();
        var api = new ApiClients.ApiClientsClient(_kit.Operator.CreateCallInvoker());
        var before = await _kit.CountAsync(db => db.ApiClients);

        var error = await RefusedAsync(() => api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = tenant.Id, Name = name, Scopes = { ApiScopes.DevicesRead } }).ResponseAsync);
        var tooLong = await RefusedAsync(() => api.CreateApiClientAsync(new CreateApiClientRequest { TenantId = tenant.Id, Name = new string('n', 201), Scopes = { ApiScopes.DevicesRead } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("name", error.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Equal(before, await _kit.CountAsync(db => db.ApiClients));
    }

    [Fact]
    public async Task A_revoked_clients_token_is_refused_at_once_and_it_gets_no_new_one()
    {
        var tenant = await _kit.CreateTenantAsync();
        var created = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead]);
        var token = await _kit.Tokens.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret);
        var devices = new Devices.DevicesClient(_kit.TokenChannel(token.AccessToken).CreateCallInvoker());
        await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        var api = new ApiClients.ApiClientsClient(_kit.Operator.CreateCallInvoker());

        var revoked = await api.RevokeApiClientAsync(new RevokeApiClientRequest { TenantId = tenant.Id, ClientId = created.Client.ClientId });
        var again = await api.RevokeApiClientAsync(new RevokeApiClientRequest { TenantId = tenant.Id, ClientId = created.Client.ClientId });

        Assert.True(revoked.Revoked);
        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(revoked.RevokeTime, again.RevokeTime);
        var refused = await RefusedAsync(() => devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var noToken = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.Tokens.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret));
        Assert.Equal("invalid_client", noToken.Error);
        var rotate = await RefusedAsync(() => api.RotateApiClientSecretAsync(new RotateApiClientSecretRequest { TenantId = tenant.Id, ClientId = created.Client.ClientId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, rotate.StatusCode);
    }

    [Fact]
    public async Task Rotating_replaces_the_secret_at_the_token_endpoint()
    {
        var tenant = await _kit.CreateTenantAsync();
        var created = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead]);
        var api = new ApiClients.ApiClientsClient(_kit.Operator.CreateCallInvoker());

        var rotated = await api.RotateApiClientSecretAsync(new RotateApiClientSecretRequest { TenantId = tenant.Id, ClientId = created.Client.ClientId });

        Assert.NotEqual(created.ClientSecret, rotated.ClientSecret);
        Assert.True(rotated.Client.SecretCreateTime.ToDateTime() >= created.Client.SecretCreateTime.ToDateTime());
        var old = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.Tokens.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret));
        Assert.Equal("invalid_client", old.Error);
        var token = await _kit.Tokens.ClientCredentialsAsync(created.Client.ClientId, rotated.ClientSecret);
        await new Devices.DevicesClient(_kit.TokenChannel(token.AccessToken).CreateCallInvoker()).ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
    }

    [Fact]
    public async Task A_caller_may_not_rotate_the_secret_of_a_client_mightier_than_itself()
    {
        var tenant = await _kit.CreateTenantAsync();
        var mighty = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesWrite, ApiScopes.DevicesRead]);
        var weak = new ApiClients.ApiClientsClient((await _kit.ClientOfTenantAsync(tenant.Id, ApiScopes.ClientsWrite, ApiScopes.DevicesRead)).CreateCallInvoker());
        var hashBefore = (await StoredAsync(mighty.Client.ClientId)).SecretHash;

        var refused = await RefusedAsync(() => weak.RotateApiClientSecretAsync(new RotateApiClientSecretRequest { TenantId = tenant.Id, ClientId = mighty.Client.ClientId }).ResponseAsync);
        var revoked = await weak.RevokeApiClientAsync(new RevokeApiClientRequest { TenantId = tenant.Id, ClientId = mighty.Client.ClientId });

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(hashBefore, (await StoredAsync(mighty.Client.ClientId)).SecretHash);
        Assert.True(revoked.Revoked);
    }

    [Fact]
    public async Task Clients_are_listed_a_page_at_a_time_and_only_the_tenants_own()
    {
        var tenant = await _kit.CreateTenantAsync();
        var other = await _kit.CreateTenantAsync();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead])).Client.ClientId);
        }

        await _kit.CreateClientAsync(other.Id, [ApiScopes.DevicesRead]);
        var api = new ApiClients.ApiClientsClient(_kit.Operator.CreateCallInvoker());

        var first = await api.ListApiClientsAsync(new ListApiClientsRequest { TenantId = tenant.Id, PageSize = 2 });
        var second = await api.ListApiClientsAsync(new ListApiClientsRequest { TenantId = tenant.Id, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(2, first.Clients.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Single(second.Clients);
        Assert.Empty(second.NextPageToken);
        Assert.Equal(made.Order(StringComparer.Ordinal), first.Clients.Concat(second.Clients).Select(c => c.ClientId));
    }

    [Fact]
    public async Task Another_tenants_client_is_refused_every_call_and_a_client_of_another_tenant_is_not_found()
    {
        var tenant = await _kit.CreateTenantAsync();
        var target = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.DevicesRead]);
        var other = await _kit.CreateTenantAsync();
        var stranger = new ApiClients.ApiClientsClient((await _kit.ClientOfTenantAsync(other.Id, [.. ApiScopes.TenantScopes])).CreateCallInvoker());
        var before = await _kit.CountAsync(db => db.ApiClients);
        var hashBefore = (await StoredAsync(target.Client.ClientId)).SecretHash;

        Func<Task>[] calls =
        [
            () => stranger.CreateApiClientAsync(new CreateApiClientRequest { TenantId = tenant.Id, Name = "x", Scopes = { ApiScopes.DevicesRead } }).ResponseAsync,
            () => stranger.ListApiClientsAsync(new ListApiClientsRequest { TenantId = tenant.Id }).ResponseAsync,
            () => stranger.GetApiClientAsync(new GetApiClientRequest { TenantId = tenant.Id, ClientId = target.Client.ClientId }).ResponseAsync,
            () => stranger.RevokeApiClientAsync(new RevokeApiClientRequest { TenantId = tenant.Id, ClientId = target.Client.ClientId }).ResponseAsync,
            () => stranger.RotateApiClientSecretAsync(new RotateApiClientSecretRequest { TenantId = tenant.Id, ClientId = target.Client.ClientId }).ResponseAsync,
        ];
        foreach (var call in calls)
        {
            Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(call)).StatusCode);
        }

        var throughOwnTenant = await RefusedAsync(() => stranger.RevokeApiClientAsync(new RevokeApiClientRequest { TenantId = other.Id, ClientId = target.Client.ClientId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, throughOwnTenant.StatusCode);
        Assert.Equal(before, await _kit.CountAsync(db => db.ApiClients));
        var stored = await StoredAsync(target.Client.ClientId);
        Assert.Null(stored.RevokedAt);
        Assert.Equal(hashBefore, stored.SecretHash);
    }

    public void Dispose() => _kit.Dispose();

    private static Task<RpcException> RefusedAsync(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);

    private async Task<Data.Entities.ApiClientEntity> StoredAsync(string clientId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == clientId);
    }
}
