using SaaSMdm.Contracts.Auth;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;
using ApiTenantRole = SaaSMdm.Contracts.V1.TenantRole;

namespace SaaSMdm.Core.Tests.Api.Accounts;

public sealed class AccountApiOnSqlite(CoreFixture<OnSqlite> fixture) : AccountApiTests<OnSqlite>(fixture);

public sealed class AccountApiOnPostgres(CoreFixture<OnPostgres> fixture) : AccountApiTests<OnPostgres>(fixture);

/// <summary>
/// The caller about itself: who a token speaks for, and a person's own two-factor sign-in (codes computed here from
/// the shared key, as an authenticator app would) and password, checked at the real token endpoint.
/// </summary>
public abstract class AccountApiTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>, IDisposable
    where TProvider : IProviderChoice
{
    private readonly AccountsKit _kit = new(fixture.Host);

    [Fact]
    public async Task Two_factor_setup_makes_sign_in_ask_for_a_code_and_recovery_codes_work_once()
    {
        var tenant = await _kit.CreateTenantAsync();
        var (member, channel) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.ReadOnly);
        var account = new Account.AccountClient(channel.CreateCallInvoker());

        var withoutPassword = await Assert.ThrowsAsync<RpcException>(() => account.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest()).ResponseAsync);
        var wrongPassword = await Assert.ThrowsAsync<RpcException>(() => account.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest { CurrentPassword = "not " + AccountsKit.Password }).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (withoutPassword.StatusCode, wrongPassword.StatusCode));
        Assert.False((await account.GetMeAsync(new GetMeRequest())).Person.TwoFactorEnabled);
        var setup = await account.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest { CurrentPassword = AccountsKit.Password });
        var wrong = await Assert.ThrowsAsync<RpcException>(() => account.ConfirmTwoFactorSetupAsync(
            new ConfirmTwoFactorSetupRequest { Code = WrongCode(setup.SharedKey) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.False((await account.GetMeAsync(new GetMeRequest())).Person.TwoFactorEnabled);
        var confirmed = await account.ConfirmTwoFactorSetupAsync(new ConfirmTwoFactorSetupRequest { Code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) });

        Assert.StartsWith("otpauth://totp/SaaS%20MDM:", setup.AuthenticatorUri);
        Assert.Contains("issuer=SaaS%20MDM", setup.AuthenticatorUri);
        Assert.Contains("secret=" + setup.SharedKey, setup.AuthenticatorUri);
        Assert.Equal(10, confirmed.RecoveryCodes.Distinct().Count());
        Assert.True((await account.GetMeAsync(new GetMeRequest())).Person.TwoFactorEnabled);

        var withoutCode = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.SignInAsync(member.Email));
        Assert.True(withoutCode.TwoFactorRequired);
        var withWrongCode = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.SignInAsync(member.Email, WrongCode(setup.SharedKey)));
        Assert.True(withWrongCode.TwoFactorRequired);
        var withCode = await _kit.SignInAsync(member.Email, Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow));
        Assert.NotEmpty(withCode.AccessToken);
        var withRecoveryCode = await _kit.SignInAsync(member.Email, confirmed.RecoveryCodes[0]);
        Assert.NotEmpty(withRecoveryCode.AccessToken);
        var recoveryCodeAgain = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.SignInAsync(member.Email, confirmed.RecoveryCodes[0]));
        Assert.True(recoveryCodeAgain.TwoFactorRequired);

        var restart = await Assert.ThrowsAsync<RpcException>(() => account.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest { CurrentPassword = AccountsKit.Password }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, restart.StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_a_code_and_sign_in_then_needs_none()
    {
        var tenant = await _kit.CreateTenantAsync();
        var (member, channel) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.ReadOnly);
        var account = new Account.AccountClient(channel.CreateCallInvoker());
        var setup = await account.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest { CurrentPassword = AccountsKit.Password });
        var confirmed = await account.ConfirmTwoFactorSetupAsync(new ConfirmTwoFactorSetupRequest { Code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) });

        var wrong = await Assert.ThrowsAsync<RpcException>(() => account.DisableTwoFactorAsync(new DisableTwoFactorRequest { Code = WrongCode(setup.SharedKey) }).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => account.DisableTwoFactorAsync(new DisableTwoFactorRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.True((await account.GetMeAsync(new GetMeRequest())).Person.TwoFactorEnabled);

        await account.DisableTwoFactorAsync(new DisableTwoFactorRequest { Code = confirmed.RecoveryCodes[3] });

        Assert.False((await account.GetMeAsync(new GetMeRequest())).Person.TwoFactorEnabled);
        Assert.NotEmpty((await _kit.SignInAsync(member.Email)).AccessToken);
        var again = await Assert.ThrowsAsync<RpcException>(() => account.DisableTwoFactorAsync(new DisableTwoFactorRequest { Code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_every_session()
    {
        var tenant = await _kit.CreateTenantAsync();
        var (member, _) = await _kit.PersonInTenantAsync(tenant.Id, ApiTenantRole.ReadOnly);
        var session = await _kit.SignInAsync(member.Email);
        var account = new Account.AccountClient(_kit.TokenChannel(session.AccessToken).CreateCallInvoker());
        const string NewPassword = "another long test password";

        var wrongCurrent = await Assert.ThrowsAsync<RpcException>(() => account.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "not the password at all", NewPassword = NewPassword }).ResponseAsync);
        var tooShort = await Assert.ThrowsAsync<RpcException>(() => account.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = AccountsKit.Password, NewPassword = "short" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrongCurrent.StatusCode);
        Assert.DoesNotContain("not the password at all", wrongCurrent.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, tooShort.StatusCode);
        Assert.DoesNotContain("short", tooShort.Status.Detail.Replace("Passwords must be at least", "", StringComparison.Ordinal));
        Assert.NotEmpty((await _kit.SignInAsync(member.Email)).AccessToken);

        await account.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = AccountsKit.Password, NewPassword = NewPassword });

        var oldPassword = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.SignInAsync(member.Email));
        Assert.Equal("invalid_grant", oldPassword.Error);
        var refresh = await Assert.ThrowsAsync<TokenEndpointException>(() => _kit.Tokens.RefreshAsync(TestSecrets.PortalClientId, TestSecrets.PortalClientSecret, session.RefreshToken!));
        Assert.Equal("invalid_grant", refresh.Error);
        Assert.NotEmpty((await _kit.SignInAsync(member.Email, password: NewPassword)).AccessToken);
    }

    [Fact]
    public async Task An_invited_person_without_a_password_cannot_change_one()
    {
        var tenant = await _kit.CreateTenantAsync();
        var added = await new Members.MembersClient(_kit.Operator.CreateCallInvoker()).AddMemberAsync(
            new AddMemberRequest { TenantId = tenant.Id, Email = AccountsKit.NewEmail(), DisplayName = "No Password", Role = ApiTenantRole.ReadOnly });
        var token = await _kit.PersonAccessTokenAsync(added.Member.PersonId);
        var account = new Account.AccountClient(_kit.TokenChannel(token).CreateCallInvoker());

        var refused = await Assert.ThrowsAsync<RpcException>(() => account.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "anything at all", NewPassword = "a new long password" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Null((await _kit.FindPersonAsync(added.Member.Email))!.PasswordHash);
    }

    [Fact]
    public async Task A_client_learns_who_it_is_and_is_refused_the_person_only_calls()
    {
        var tenant = await _kit.CreateTenantAsync();
        var created = await _kit.CreateClientAsync(tenant.Id, [ApiScopes.AccountRead, ApiScopes.DevicesRead]);
        var account = new Account.AccountClient(_kit.ClientChannel(created.Client.ClientId, created.ClientSecret).CreateCallInvoker());
        var operatorAccount = new Account.AccountClient(_kit.Operator.CreateCallInvoker());

        var me = await account.GetMeAsync(new GetMeRequest());
        var operatorMe = await operatorAccount.GetMeAsync(new GetMeRequest());

        Assert.Equal(created.Client.ClientId, me.Client.ClientId);
        Assert.Equal(tenant.Id, me.Client.TenantId);
        Assert.False(me.Client.Operator);
        Assert.Equal([ApiScopes.AccountRead, ApiScopes.DevicesRead], me.Client.Scopes);
        Assert.Equal(TestSecrets.OperatorClientId, operatorMe.Client.ClientId);
        Assert.True(operatorMe.Client.Operator);
        Func<Task>[] personOnly =
        [
            () => operatorAccount.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest()).ResponseAsync,
            () => operatorAccount.ConfirmTwoFactorSetupAsync(new ConfirmTwoFactorSetupRequest { Code = "123456" }).ResponseAsync,
            () => operatorAccount.DisableTwoFactorAsync(new DisableTwoFactorRequest { Code = "123456" }).ResponseAsync,
            () => operatorAccount.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = "x", NewPassword = "a new long password" }).ResponseAsync,
        ];
        foreach (var call in personOnly)
        {
            Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        var withoutScope = await Assert.ThrowsAsync<RpcException>(() => account.BeginTwoFactorSetupAsync(new BeginTwoFactorSetupRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, withoutScope.StatusCode);
    }

    public void Dispose() => _kit.Dispose();

    /// <summary>A six-digit code no authenticator shows now (Identity accepts the codes of two steps either side).</summary>
    private static string WrongCode(string sharedKey)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(sharedKey, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !valid.Contains(code));
    }
}
