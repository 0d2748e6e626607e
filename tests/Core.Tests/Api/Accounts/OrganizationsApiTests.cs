using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using ApiTenantRole = SaaSMdm.Contracts.V1.TenantRole;
using TenantsClient = SaaSMdm.Contracts.V1.Tenants.TenantsClient;

namespace SaaSMdm.Core.Tests.Api.Accounts;

public sealed class OrganizationsApiOnSqlite(CoreFixture<OnSqlite> fixture) : OrganizationsApiTests<OnSqlite>(fixture);

public sealed class OrganizationsApiOnPostgres(CoreFixture<OnPostgres> fixture) : OrganizationsApiTests<OnPostgres>(fixture);

/// <summary>
/// MSP organizations: operators create them and assign tenants; the MSP's clients act in exactly those tenants and its
/// people hold their MSP role in each; its owners and admins manage its people and clients, never beyond their role.
/// </summary>
public abstract class OrganizationsApiTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>, IDisposable
    where TProvider : IProviderChoice
{
    private readonly AccountsKit _kit = new(fixture.Host);

    private Organizations.OrganizationsClient OperatorOrganizations => new(_kit.Operator.CreateCallInvoker());

    [Fact]
    public async Task An_MSP_client_acts_in_exactly_the_tenants_assigned_to_its_MSP()
    {
        var (msp, first, second) = await MspWithTwoTenantsAsync();
        var third = await _kit.CreateTenantAsync();
        var created = await OperatorOrganizations.CreateMspApiClientAsync(new CreateMspApiClientRequest
        {
            MspOrganizationId = msp.Id, Name = "msp automation", Scopes = { ApiScopes.TenantsRead, ApiScopes.DevicesRead },
        });
        var channel = _kit.ClientChannel(created.Client.ClientId, created.ClientSecret);
        var devices = new Devices.DevicesClient(channel.CreateCallInvoker());

        var listed = await new TenantsClient(channel.CreateCallInvoker()).ListTenantsAsync(new ListTenantsRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() => devices.ListDevicesAsync(new ListDevicesRequest { TenantId = third.Id }).ResponseAsync);

        Assert.Equal(msp.Id, created.Client.MspOrganizationId);
        Assert.Empty(created.Client.TenantId);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), listed.Tenants.Select(t => t.Id).Order());
        await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = first.Id });
        await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = second.Id });
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var detached = await OperatorOrganizations.AssignTenantToMspAsync(new AssignTenantToMspRequest { TenantId = second.Id });

        Assert.Empty(detached.MspOrganizationId);
        var nowRefused = await Assert.ThrowsAsync<RpcException>(() => devices.ListDevicesAsync(new ListDevicesRequest { TenantId = second.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, nowRefused.StatusCode);
    }

    [Fact]
    public async Task An_MSP_member_holds_their_role_in_every_tenant_of_the_MSP()
    {
        var (msp, first, second) = await MspWithTwoTenantsAsync();
        var third = await _kit.CreateTenantAsync();

        var added = await OperatorOrganizations.AddMspMemberAsync(new AddMspMemberRequest
        {
            MspOrganizationId = msp.Id, Email = AccountsKit.NewEmail(), DisplayName = "Msp Admin", Role = ApiTenantRole.Admin,
        });
        var channel = await _kit.SignedInChannelAsync(added.Member.Email);
        var me = await new Account.AccountClient(channel.CreateCallInvoker()).GetMeAsync(new GetMeRequest());
        var devices = new Devices.DevicesClient(channel.CreateCallInvoker());

        Assert.True(added.Invited);
        Assert.Equal(ApiTenantRole.Admin, added.Member.Role);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), me.Person.Tenants.Select(t => t.TenantId).Order());
        Assert.All(me.Person.Tenants, t =>
        {
            Assert.Equal(ApiTenantRole.Admin, t.Role);
            Assert.Equal(ApiTenantRole.Admin, t.MspRole);
            Assert.Equal(ApiTenantRole.Unspecified, t.DirectRole);
        });
        var mspMembership = Assert.Single(me.Person.MspMemberships);
        Assert.Equal(msp.Id, mspMembership.MspOrganizationId);
        Assert.Equal(ApiTenantRole.Admin, mspMembership.Role);
        await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = first.Id });
        await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = second.Id });
        var refused = await Assert.ThrowsAsync<RpcException>(() => devices.ListDevicesAsync(new ListDevicesRequest { TenantId = third.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var members = await new Members.MembersClient(_kit.Operator.CreateCallInvoker()).ListMembersAsync(new ListMembersRequest { TenantId = first.Id });
        var inherited = Assert.Single(members.Members);
        Assert.Equal(added.Member.PersonId, inherited.PersonId);
        Assert.Equal(ApiTenantRole.Unspecified, inherited.Role);
        Assert.Equal(ApiTenantRole.Admin, inherited.MspRole);
        Assert.Equal(ApiTenantRole.Admin, inherited.EffectiveRole);
    }

    [Fact]
    public async Task An_MSP_owner_manages_its_people_and_clients_and_an_admin_may_not()
    {
        var msp = await CreateMspAsync();
        var owner = await OperatorOrganizations.AddMspMemberAsync(new AddMspMemberRequest
        {
            MspOrganizationId = msp.Id, Email = AccountsKit.NewEmail(), DisplayName = "Msp Owner", Role = ApiTenantRole.Owner,
        });
        var admin = await OperatorOrganizations.AddMspMemberAsync(new AddMspMemberRequest
        {
            MspOrganizationId = msp.Id, Email = AccountsKit.NewEmail(), DisplayName = "Msp Admin", Role = ApiTenantRole.Admin,
        });
        var asOwner = new Organizations.OrganizationsClient((await _kit.SignedInChannelAsync(owner.Member.Email)).CreateCallInvoker());
        var asAdmin = new Organizations.OrganizationsClient((await _kit.SignedInChannelAsync(admin.Member.Email)).CreateCallInvoker());
        var tenant = await _kit.CreateTenantAsync();
        var peopleBefore = await _kit.CountAsync(db => db.Users);

        var helpDesk = await asOwner.AddMspMemberAsync(new AddMspMemberRequest { MspOrganizationId = msp.Id, Email = AccountsKit.NewEmail(), DisplayName = "Desk", Role = ApiTenantRole.HelpDesk });
        var client = await asOwner.CreateMspApiClientAsync(new CreateMspApiClientRequest
        {
            MspOrganizationId = msp.Id, Name = "owner's client", Scopes = { ApiScopes.DevicesRead, ApiScopes.TenantsWrite },
        });
        var members = await asOwner.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = msp.Id });
        var clients = await asOwner.ListMspApiClientsAsync(new ListMspApiClientsRequest { MspOrganizationId = msp.Id });

        Assert.Equal(ApiTenantRole.HelpDesk, helpDesk.Member.Role);
        Assert.Equal([ApiScopes.DevicesRead, ApiScopes.TenantsWrite], client.Client.Scopes);
        Assert.Equal(new[] { owner.Member.Email, admin.Member.Email, helpDesk.Member.Email }.Order(StringComparer.Ordinal), members.Members.Select(m => m.Email));
        Assert.Equal(client.Client.ClientId, Assert.Single(clients.Clients).ClientId);
        Assert.Equal(peopleBefore + 1, await _kit.CountAsync(db => db.Users));

        var clientsBefore = await _kit.CountAsync(db => db.ApiClients);
        Func<Task>[] refusedCalls =
        [
            () => asAdmin.AddMspMemberAsync(new AddMspMemberRequest { MspOrganizationId = msp.Id, Email = AccountsKit.NewEmail(), DisplayName = "D", Role = ApiTenantRole.HelpDesk }).ResponseAsync,
            () => asAdmin.CreateMspApiClientAsync(new CreateMspApiClientRequest { MspOrganizationId = msp.Id, Name = "x", Scopes = { ApiScopes.DevicesRead } }).ResponseAsync,
            () => asAdmin.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = msp.Id }).ResponseAsync,
            () => asOwner.CreateMspOrganizationAsync(new CreateMspOrganizationRequest { Name = "Owner's own MSP " + Guid.NewGuid() }).ResponseAsync,
            () => asOwner.AssignTenantToMspAsync(new AssignTenantToMspRequest { TenantId = tenant.Id, MspOrganizationId = msp.Id }).ResponseAsync,
        ];
        foreach (var call in refusedCalls)
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        Assert.Equal(peopleBefore + 1, await _kit.CountAsync(db => db.Users));
        Assert.Equal(clientsBefore, await _kit.CountAsync(db => db.ApiClients));
        Assert.Empty((await new TenantsClient(_kit.Operator.CreateCallInvoker()).GetTenantAsync(new GetTenantRequest { Id = tenant.Id })).MspOrganizationId);

        await asOwner.RemoveMspMemberAsync(new RemoveMspMemberRequest { MspOrganizationId = msp.Id, PersonId = helpDesk.Member.PersonId });
        Assert.Equal(2, (await asOwner.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = msp.Id })).Members.Count);
    }

    [Fact]
    public async Task Clients_and_people_outside_an_MSP_are_refused_and_see_only_their_own_MSPs()
    {
        var msp = await CreateMspAsync();
        var otherMsp = await CreateMspAsync();
        var tenant = await _kit.CreateTenantAsync();
        var mspClient = await OperatorOrganizations.CreateMspApiClientAsync(new CreateMspApiClientRequest { MspOrganizationId = msp.Id, Name = "all", Scopes = { ApiScopes.All } });
        var asMspClient = new Organizations.OrganizationsClient(_kit.ClientChannel(mspClient.Client.ClientId, mspClient.ClientSecret).CreateCallInvoker());
        var asTenantClient = new Organizations.OrganizationsClient((await _kit.ClientOfTenantAsync(tenant.Id, [.. ApiScopes.TenantScopes])).CreateCallInvoker());
        var mspsBefore = await _kit.CountAsync(db => db.MspOrganizations);

        Assert.Equal([msp.Id], (await asMspClient.ListMspOrganizationsAsync(new ListMspOrganizationsRequest())).MspOrganizations.Select(m => m.Id));
        Assert.Empty((await asTenantClient.ListMspOrganizationsAsync(new ListMspOrganizationsRequest())).MspOrganizations);
        var all = await OperatorOrganizations.ListMspOrganizationsAsync(new ListMspOrganizationsRequest { PageSize = 1000 });
        Assert.Contains(all.MspOrganizations, m => m.Id == otherMsp.Id);

        foreach (var caller in new[] { asMspClient, asTenantClient })
        {
            foreach (var mspId in new[] { msp.Id, otherMsp.Id })
            {
                Func<Task>[] calls =
                [
                    () => caller.CreateMspOrganizationAsync(new CreateMspOrganizationRequest { Name = "Not mine " + Guid.NewGuid() }).ResponseAsync,
                    () => caller.AddMspMemberAsync(new AddMspMemberRequest { MspOrganizationId = mspId, Email = AccountsKit.NewEmail(), DisplayName = "X", Role = ApiTenantRole.ReadOnly }).ResponseAsync,
                    () => caller.RemoveMspMemberAsync(new RemoveMspMemberRequest { MspOrganizationId = mspId, PersonId = Guid.NewGuid().ToString() }).ResponseAsync,
                    () => caller.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = mspId }).ResponseAsync,
                    () => caller.CreateMspApiClientAsync(new CreateMspApiClientRequest { MspOrganizationId = mspId, Name = "x", Scopes = { ApiScopes.DevicesRead } }).ResponseAsync,
                    () => caller.ListMspApiClientsAsync(new ListMspApiClientsRequest { MspOrganizationId = mspId }).ResponseAsync,
                    () => caller.RevokeMspApiClientAsync(new RevokeMspApiClientRequest { MspOrganizationId = mspId, ClientId = mspClient.Client.ClientId }).ResponseAsync,
                    () => caller.AssignTenantToMspAsync(new AssignTenantToMspRequest { TenantId = tenant.Id, MspOrganizationId = mspId }).ResponseAsync,
                ];
                foreach (var call in calls)
                {
                    Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
                }
            }
        }

        Assert.Equal(mspsBefore, await _kit.CountAsync(db => db.MspOrganizations));
        Assert.Empty((await new TenantsClient(_kit.Operator.CreateCallInvoker()).GetTenantAsync(new GetTenantRequest { Id = tenant.Id })).MspOrganizationId);
        await new Account.AccountClient(_kit.ClientChannel(mspClient.Client.ClientId, mspClient.ClientSecret).CreateCallInvoker()).GetMeAsync(new GetMeRequest());
    }

    [Fact]
    public async Task Revoking_an_MSP_client_stops_its_token_at_once()
    {
        var msp = await CreateMspAsync();
        var created = await OperatorOrganizations.CreateMspApiClientAsync(new CreateMspApiClientRequest { MspOrganizationId = msp.Id, Name = "soon gone", Scopes = { ApiScopes.TenantsRead } });
        var token = await _kit.Tokens.ClientCredentialsAsync(created.Client.ClientId, created.ClientSecret);
        var tenants = new TenantsClient(_kit.TokenChannel(token.AccessToken).CreateCallInvoker());
        await tenants.ListTenantsAsync(new ListTenantsRequest());

        var revoked = await OperatorOrganizations.RevokeMspApiClientAsync(new RevokeMspApiClientRequest { MspOrganizationId = msp.Id, ClientId = created.Client.ClientId });

        Assert.True(revoked.Revoked);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => tenants.ListTenantsAsync(new ListTenantsRequest()).ResponseAsync)).StatusCode);
        Assert.True(Assert.Single((await OperatorOrganizations.ListMspApiClientsAsync(new ListMspApiClientsRequest { MspOrganizationId = msp.Id })).Clients).Revoked);
    }

    [Fact]
    public async Task Malformed_unknown_and_duplicate_names_and_ids_are_refused()
    {
        var msp = await CreateMspAsync();
        var tenant = await _kit.CreateTenantAsync();
        var before = await _kit.CountAsync(db => db.MspOrganizations);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.CreateMspOrganizationAsync(new CreateMspOrganizationRequest { Name = msp.Name }).ResponseAsync);
        var badName = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.CreateMspOrganizationAsync(new CreateMspOrganizationRequest { Name = "line\nbreak" }).ResponseAsync);
        var malformedId = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = "msp-1" }).ResponseAsync);
        var unknownMsp = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = Guid.NewGuid().ToString() }).ResponseAsync);
        var assignToUnknown = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.AssignTenantToMspAsync(
            new AssignTenantToMspRequest { TenantId = tenant.Id, MspOrganizationId = Guid.NewGuid().ToString() }).ResponseAsync);
        var assignUnknown = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.AssignTenantToMspAsync(
            new AssignTenantToMspRequest { TenantId = Guid.NewGuid().ToString(), MspOrganizationId = msp.Id }).ResponseAsync);
        var unspecifiedRole = await Assert.ThrowsAsync<RpcException>(() => OperatorOrganizations.AddMspMemberAsync(
            new AddMspMemberRequest { MspOrganizationId = msp.Id, Email = AccountsKit.NewEmail(), DisplayName = "X" }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badName.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformedId.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownMsp.StatusCode);
        Assert.Equal(StatusCode.NotFound, assignToUnknown.StatusCode);
        Assert.Equal(StatusCode.NotFound, assignUnknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, unspecifiedRole.StatusCode);
        Assert.Equal(before, await _kit.CountAsync(db => db.MspOrganizations));
        Assert.Empty((await new TenantsClient(_kit.Operator.CreateCallInvoker()).GetTenantAsync(new GetTenantRequest { Id = tenant.Id })).MspOrganizationId);
        Assert.Empty((await OperatorOrganizations.ListMspMembersAsync(new ListMspMembersRequest { MspOrganizationId = msp.Id })).Members);
    }

    public void Dispose() => _kit.Dispose();

    private async Task<MspOrganization> CreateMspAsync() =>
        await OperatorOrganizations.CreateMspOrganizationAsync(new CreateMspOrganizationRequest { Name = "MSP " + Guid.NewGuid() });

    private async Task<(MspOrganization Msp, Tenant First, Tenant Second)> MspWithTwoTenantsAsync()
    {
        var msp = await CreateMspAsync();
        var first = await _kit.CreateTenantAsync();
        var second = await _kit.CreateTenantAsync();
        foreach (var tenant in new[] { first, second })
        {
            var assigned = await OperatorOrganizations.AssignTenantToMspAsync(new AssignTenantToMspRequest { TenantId = tenant.Id, MspOrganizationId = msp.Id });
            Assert.Equal(msp.Id, assigned.MspOrganizationId);
        }

        return (msp, first, second);
    }
}
