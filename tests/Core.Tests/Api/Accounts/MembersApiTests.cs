using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using ApiTenantRole = SaaSMdm.Contracts.V1.TenantRole;
using CommandsClient = SaaSMdm.Contracts.V1.Commands.CommandsClient;
using DeclarationsClient = SaaSMdm.Contracts.V1.Declarations.DeclarationsClient;

namespace SaaSMdm.Core.Tests.Api.Accounts;

public sealed class MembersApiOnSqlite(ApiFixture<OnSqlite> fixture) : MembersApiTests<OnSqlite>(fixture);

public sealed class MembersApiOnPostgres(ApiFixture<OnPostgres> fixture) : MembersApiTests<OnPostgres>(fixture);

/// <summary>
/// A tenant's people: invited through the API, they set a password with the reset endpoint and sign in with the
/// password grant; their role decides what they may do; no one grants a role mightier than their own, Owner is for
/// owners, and the last owner stays.
/// </summary>
public abstract class MembersApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>, IDisposable
    where TProvider : IProviderChoice
{
    private readonly AccountsKit _kit = new(fixture.Host);

    private Members.MembersClient OperatorMembers => new(_kit.Operator.CreateCallInvoker());

    [Fact]
    public async Task An_invited_person_sets_a_password_with_the_reset_token_and_signs_in()
    {
        var tenant = await _kit.CreateTenantAsync();
        var email = AccountsKit.NewEmail();

        var added = await OperatorMembers.AddMemberAsync(new AddMemberRequest { TenantId = tenant.Id, Email = email, DisplayName = "Ada Admin", Role = ApiTenantRole.Admin });

        Assert.True(added.Invited);
        Assert.Equal(email, added.Member.Email);
        Assert.Equal("Ada Admin", added.Member.DisplayName);
        Assert.Equal(ApiTenantRole.Admin, added.Member.Role);
        Assert.Equal(ApiTenantRole.Admin, added.Member.EffectiveRole);
        Assert.Equal(ApiTenantRole.Unspecified, added.Member.MspRole);
        Assert.False(added.Member.EmailConfirmed);
        var invited = (await _kit.FindPersonAsync(email))!;
        Assert.Null(invited.PasswordHash);
        Assert.DoesNotContain("Development only", fixture.Host.Logs.AllText);
        Assert.Contains($"Person {invited.Id} was invited", fixture.Host.Logs.AllText);

        var channel = await _kit.SignedInChannelAsync(email);

        Assert.True((await _kit.FindPersonAsync(email))!.EmailConfirmed);
        var me = await new Account.AccountClient(channel.CreateCallInvoker()).GetMeAsync(new GetMeRequest());
        Assert.Equal(added.Member.PersonId, me.Person.Id);
        var membership = Assert.Single(me.Person.Tenants);
        Assert.Equal(tenant.Id, membership.TenantId);
        Assert.Equal(ApiTenantRole.Admin, membership.Role);
        await new Devices.DevicesClient(channel.CreateCallInvoker()).ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
    }

    [Fact]
    public async Task Help_desk_sends_non_destructive_commands_but_cannot_delete_declarations()
    {
        var tenant = await _kit.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var operatorDeclarations = new DeclarationsClient(_kit.Operator.CreateCallInvoker());
        await operatorDeclarations.PutDeclarationAsync(new PutDeclarationRequest
        {
            TenantId = tenant.Id, Identifier = "com.example.passcode", Type = "com.apple.configuration.passcode.settings", PayloadJson = "{}",
        });
        var (_, helpDesk) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.HelpDesk);

        var queued = await new CommandsClient(helpDesk.CreateCallInvoker()).EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, NoPush = true, DeviceInformation = new DeviceInformationCommand(),
        });
        var refused = await Assert.ThrowsAsync<RpcException>(() => new DeclarationsClient(helpDesk.CreateCallInvoker())
            .DeleteDeclarationAsync(new DeleteDeclarationRequest { TenantId = tenant.Id, Identifier = "com.example.passcode" }).ResponseAsync);

        Assert.Equal(1, queued.DeviceCount);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await operatorDeclarations.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = "com.example.passcode" });
    }

    [Fact]
    public async Task Read_only_lists_devices_but_cannot_enqueue_commands()
    {
        var tenant = await _kit.CreateTenantAsync();
        var device = (await fixture.SeedDevicesAsync(tenant.Id, 1))[0];
        var (_, readOnly) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.ReadOnly);
        var before = await fixture.CountAllAsync();

        var listed = await new Devices.DevicesClient(readOnly.CreateCallInvoker()).ListDevicesAsync(new ListDevicesRequest { TenantId = tenant.Id });
        var refused = await Assert.ThrowsAsync<RpcException>(() => new CommandsClient(readOnly.CreateCallInvoker()).EnqueueCommandAsync(new EnqueueCommandRequest
        {
            TenantId = tenant.Id, DeviceIds = { device.Id.ToString() }, NoPush = true, DeviceInformation = new DeviceInformationCommand(),
        }).ResponseAsync);

        Assert.Single(listed.Devices);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed()
    {
        var tenant = await _kit.CreateTenantAsync();
        var (owner, ownerChannel) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.Owner);
        var asOwner = new Members.MembersClient(ownerChannel.CreateCallInvoker());

        var demote = await Assert.ThrowsAsync<RpcException>(() => asOwner.SetMemberRoleAsync(
            new SetMemberRoleRequest { TenantId = tenant.Id, PersonId = owner.PersonId, Role = ApiTenantRole.Admin }).ResponseAsync);
        var remove = await Assert.ThrowsAsync<RpcException>(() => OperatorMembers.RemoveMemberAsync(
            new RemoveMemberRequest { TenantId = tenant.Id, PersonId = owner.PersonId }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, demote.StatusCode);
        Assert.Contains("last owner", demote.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, remove.StatusCode);
        Assert.Equal(ApiTenantRole.Owner, (await RoleAsync(tenant.Id, owner.PersonId)));

        var second = await asOwner.AddMemberAsync(new AddMemberRequest { TenantId = tenant.Id, Email = AccountsKit.NewEmail(), DisplayName = "Second", Role = ApiTenantRole.Owner });
        var demoted = await asOwner.SetMemberRoleAsync(new SetMemberRoleRequest { TenantId = tenant.Id, PersonId = owner.PersonId, Role = ApiTenantRole.ReadOnly });
        var lastRemoval = await Assert.ThrowsAsync<RpcException>(() => OperatorMembers.RemoveMemberAsync(
            new RemoveMemberRequest { TenantId = tenant.Id, PersonId = second.Member.PersonId }).ResponseAsync);

        Assert.Equal(ApiTenantRole.ReadOnly, demoted.Role);
        Assert.Equal(StatusCode.FailedPrecondition, lastRemoval.StatusCode);
    }

    [Fact]
    public async Task Two_owners_demoted_at_once_leave_one_owner()
    {
        for (var round = 0; round < 5; round++)
        {
            var tenant = await _kit.CreateTenantAsync();
            var owners = new[]
            {
                (await OperatorMembers.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.Owner))).Member,
                (await OperatorMembers.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.Owner))).Member,
            };

            var outcomes = await Task.WhenAll(owners.Select(async owner =>
            {
                try
                {
                    await OperatorMembers.SetMemberRoleAsync(new SetMemberRoleRequest { TenantId = tenant.Id, PersonId = owner.PersonId, Role = ApiTenantRole.Admin });
                    return StatusCode.OK;
                }
                catch (RpcException error)
                {
                    return error.StatusCode;
                }
            }));

            Assert.Equal([StatusCode.OK, StatusCode.FailedPrecondition], outcomes.Order());
            var listed = await OperatorMembers.ListMembersAsync(new ListMembersRequest { TenantId = tenant.Id });
            Assert.Single(listed.Members, m => m.Role == ApiTenantRole.Owner);
        }
    }

    [Fact]
    public async Task Only_an_owner_grants_Owner_and_no_one_grants_a_role_mightier_than_their_own()
    {
        var tenant = await _kit.CreateTenantAsync();
        var mightyClient = new Members.MembersClient((await _kit.ClientOfTenantAsync(tenant.Id, [.. ApiScopes.TenantScopes])).CreateCallInvoker());
        var weakClient = new Members.MembersClient((await _kit.ClientOfTenantAsync(tenant.Id, ApiScopes.MembersRead, ApiScopes.MembersWrite)).CreateCallInvoker());
        var (admin, adminChannel) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.Admin);
        var peopleBefore = await _kit.CountAsync(db => db.Users);

        var clientGrantsOwner = await Assert.ThrowsAsync<RpcException>(() => mightyClient.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.Owner)).ResponseAsync);
        var weakGrantsAdmin = await Assert.ThrowsAsync<RpcException>(() => weakClient.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.Admin)).ResponseAsync);
        var weakDemotesAdmin = await Assert.ThrowsAsync<RpcException>(() => weakClient.SetMemberRoleAsync(
            new SetMemberRoleRequest { TenantId = tenant.Id, PersonId = admin.PersonId, Role = ApiTenantRole.ReadOnly }).ResponseAsync);
        var adminAddsMembers = await Assert.ThrowsAsync<RpcException>(() => new Members.MembersClient(adminChannel.CreateCallInvoker())
            .AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.ReadOnly)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, clientGrantsOwner.StatusCode);
        Assert.Contains("owner", clientGrantsOwner.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, weakGrantsAdmin.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, weakDemotesAdmin.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, adminAddsMembers.StatusCode);
        Assert.Equal(peopleBefore, await _kit.CountAsync(db => db.Users));
        Assert.Equal(ApiTenantRole.Admin, await RoleAsync(tenant.Id, admin.PersonId));
        var granted = await mightyClient.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.Admin));
        Assert.Equal(ApiTenantRole.Admin, granted.Member.Role);
    }

    [Fact]
    public async Task Malformed_requests_are_refused_and_create_no_one()
    {
        var tenant = await _kit.CreateTenantAsync();
        var peopleBefore = await _kit.CountAsync(db => db.Users);
        AddMemberRequest[] malformed =
        [
            NewMember(tenant.Id, ApiTenantRole.Unspecified),
            NewMember(tenant.Id, (ApiTenantRole)99),
            new() { TenantId = tenant.Id, Email = "not an email", DisplayName = "X", Role = ApiTenantRole.ReadOnly },
            new() { TenantId = tenant.Id, Email = "two@example.test, three@example.test", DisplayName = "X", Role = ApiTenantRole.ReadOnly },
            new() { TenantId = tenant.Id, Email = new string('a', 250) + "@example.test", DisplayName = "X", Role = ApiTenantRole.ReadOnly },
            new() { TenantId = tenant.Id, Email = AccountsKit.NewEmail(), DisplayName = "", Role = ApiTenantRole.ReadOnly },
            new() { TenantId = tenant.Id, Email = AccountsKit.NewEmail(), DisplayName = "bell\a", Role = ApiTenantRole.ReadOnly },
        ];

        foreach (var request in malformed)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => OperatorMembers.AddMemberAsync(request).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{request}: {error.Status}");
        }

        var badPerson = await Assert.ThrowsAsync<RpcException>(() => OperatorMembers.RemoveMemberAsync(new RemoveMemberRequest { TenantId = tenant.Id, PersonId = "someone" }).ResponseAsync);
        var noSuchMember = await Assert.ThrowsAsync<RpcException>(() => OperatorMembers.SetMemberRoleAsync(
            new SetMemberRoleRequest { TenantId = tenant.Id, PersonId = Guid.NewGuid().ToString(), Role = ApiTenantRole.Admin }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badPerson.StatusCode);
        Assert.Equal(StatusCode.NotFound, noSuchMember.StatusCode);
        Assert.Equal(peopleBefore, await _kit.CountAsync(db => db.Users));
    }

    [Fact]
    public async Task A_known_person_is_added_without_an_invitation_and_only_once()
    {
        var tenant = await _kit.CreateTenantAsync();
        var other = await _kit.CreateTenantAsync();
        var (member, _) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.ReadOnly);

        var added = await OperatorMembers.AddMemberAsync(new AddMemberRequest { TenantId = other.Id, Email = member.Email, Role = ApiTenantRole.HelpDesk });
        var twice = await Assert.ThrowsAsync<RpcException>(() => OperatorMembers.AddMemberAsync(
            new AddMemberRequest { TenantId = other.Id, Email = member.Email, Role = ApiTenantRole.Admin }).ResponseAsync);

        Assert.False(added.Invited);
        Assert.Equal(member.PersonId, added.Member.PersonId);
        Assert.Equal("Test Person", added.Member.DisplayName);
        Assert.True(added.Member.EmailConfirmed);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(ApiTenantRole.HelpDesk, await RoleAsync(other.Id, member.PersonId));
    }

    [Fact]
    public async Task Members_are_listed_by_email_a_page_at_a_time_and_removal_takes_the_role_away()
    {
        var tenant = await _kit.CreateTenantAsync();
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var added = await OperatorMembers.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.ReadOnly));
            emails.Add(added.Member.Email);
        }

        var first = await OperatorMembers.ListMembersAsync(new ListMembersRequest { TenantId = tenant.Id, PageSize = 2 });
        var second = await OperatorMembers.ListMembersAsync(new ListMembersRequest { TenantId = tenant.Id, PageSize = 2, PageToken = first.NextPageToken });
        var removedId = first.Members[0].PersonId;
        await OperatorMembers.RemoveMemberAsync(new RemoveMemberRequest { TenantId = tenant.Id, PersonId = removedId });
        var after = await OperatorMembers.ListMembersAsync(new ListMembersRequest { TenantId = tenant.Id });

        Assert.Equal(emails.Order(StringComparer.Ordinal), first.Members.Concat(second.Members).Select(m => m.Email));
        Assert.Empty(second.NextPageToken);
        Assert.DoesNotContain(after.Members, m => m.PersonId == removedId);
        Assert.Equal(2, after.Members.Count);
        Assert.NotNull(await _kit.FindPersonAsync(first.Members[0].Email));
    }

    [Fact]
    public async Task Another_tenants_client_and_person_are_refused_every_members_call()
    {
        var tenant = await _kit.CreateTenantAsync();
        var (member, _) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.ReadOnly);
        var other = await _kit.CreateTenantAsync();
        var strangerClient = await _kit.ClientOfTenantAsync(other.Id, [.. ApiScopes.TenantScopes]);
        var (_, strangerPerson) = await _kit.PersonInTenantAsync(other.Id, ApiTenantRole.Owner);
        var peopleBefore = await _kit.CountAsync(db => db.Users);

        foreach (var stranger in new[] { strangerClient, strangerPerson })
        {
            var api = new Members.MembersClient(stranger.CreateCallInvoker());
            Func<Task>[] calls =
            [
                () => api.ListMembersAsync(new ListMembersRequest { TenantId = tenant.Id }).ResponseAsync,
                () => api.AddMemberAsync(NewMember(tenant.Id, ApiTenantRole.ReadOnly)).ResponseAsync,
                () => api.SetMemberRoleAsync(new SetMemberRoleRequest { TenantId = tenant.Id, PersonId = member.PersonId, Role = ApiTenantRole.Admin }).ResponseAsync,
                () => api.RemoveMemberAsync(new RemoveMemberRequest { TenantId = tenant.Id, PersonId = member.PersonId }).ResponseAsync,
            ];
            foreach (var call in calls)
            {
                Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
            }
        }

        Assert.Equal(peopleBefore, await _kit.CountAsync(db => db.Users));
        Assert.Equal(ApiTenantRole.ReadOnly, await RoleAsync(tenant.Id, member.PersonId));
    }

    public void Dispose() => _kit.Dispose();

    private static AddMemberRequest NewMember(string tenantId, ApiTenantRole role) =>
        new() { TenantId = tenantId, Email = AccountsKit.NewEmail(), DisplayName = "New Person", Role = role };

    private async Task<ApiTenantRole> RoleAsync(string tenantId, string personId)
    {
        var listed = await OperatorMembers.ListMembersAsync(new ListMembersRequest { TenantId = tenantId, PageSize = 1000 });
        return listed.Members.Single(m => m.PersonId == personId).Role;
    }
}
