using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Identity.Tokens;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The public Account API: the caller about itself. A person's password and two-factor changes go through Identity's
/// <see cref="UserManager{TUser}"/>, so its rules (password policy, lockout, recovery codes) hold here as at sign-in.
/// </summary>
public sealed class AccountService(
    CoreDbContext db,
    CurrentCaller current,
    UserManager<PersonEntity> people,
    FailedSignIns failures,
    RefreshTokens refreshTokens) : Contracts.V1.Account.AccountBase
{
    /// <summary>More than a person could use in one answer; ListTenants pages through the rest.</summary>
    private const int MaxTenantsListed = 1000;

    private const int RecoveryCodeCount = 10;

    private const int MaxCodeLength = 64;

    private const int MaxPasswordLength = 512;

    public override async Task<Me> GetMe(GetMeRequest request, ServerCallContext context)
    {
        var caller = current.Caller;
        return caller.Kind == CallerKind.Person
            ? new Me { Person = await PersonAccountAsync(caller.SubjectId, context.CancellationToken) }
            : new Me { Client = await ClientAccountAsync(caller, context.CancellationToken) };
    }

    public override async Task<BeginTwoFactorSetupResponse> BeginTwoFactorSetup(BeginTwoFactorSetupRequest request, ServerCallContext context)
    {
        var person = await PersonAsync("Two-factor sign-in");
        if (person.TwoFactorEnabled)
        {
            throw new FailedPreconditionException("Two-factor sign-in is on; turn it off with DisableTwoFactor before setting up a new authenticator.");
        }

        if (request.CurrentPassword.Length is 0 or > MaxPasswordLength || !await people.CheckPasswordAsync(person, request.CurrentPassword))
        {
            await failures.RecordAsync(person.Id, context.CancellationToken);
            throw new InvalidArgumentException("current_password is wrong.");
        }

        Check(await people.ResetAuthenticatorKeyAsync(person));
        var key = await people.GetAuthenticatorKeyAsync(person) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        return new BeginTwoFactorSetupResponse { SharedKey = key, AuthenticatorUri = AuthenticatorUri.For(person.Email ?? person.Id.ToString(), key) };
    }

    public override async Task<ConfirmTwoFactorSetupResponse> ConfirmTwoFactorSetup(ConfirmTwoFactorSetupRequest request, ServerCallContext context)
    {
        var code = Code(request.Code);
        var person = await PersonAsync("Two-factor sign-in");
        if (person.TwoFactorEnabled)
        {
            throw new FailedPreconditionException("Two-factor sign-in is on already.");
        }

        if (await people.GetAuthenticatorKeyAsync(person) is null)
        {
            throw new FailedPreconditionException("No authenticator is being set up; call BeginTwoFactorSetup first.");
        }

        if (!await people.VerifyTwoFactorTokenAsync(person, people.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            throw new InvalidArgumentException("The code is wrong; enter the current code from the authenticator app.");
        }

        Check(await people.SetTwoFactorEnabledAsync(person, true));
        var response = new ConfirmTwoFactorSetupResponse();
        response.RecoveryCodes.AddRange(await people.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount) ?? []);
        return response;
    }

    public override async Task<DisableTwoFactorResponse> DisableTwoFactor(DisableTwoFactorRequest request, ServerCallContext context)
    {
        var code = Code(request.Code);
        var person = await UnlockedPersonAsync("Two-factor sign-in");
        if (!person.TwoFactorEnabled)
        {
            throw new FailedPreconditionException("Two-factor sign-in is off.");
        }

        var valid = await people.VerifyTwoFactorTokenAsync(person, people.Options.Tokens.AuthenticatorTokenProvider, code)
            || (await people.RedeemTwoFactorRecoveryCodeAsync(person, code)).Succeeded;
        if (!valid)
        {
            await failures.RecordAsync(person.Id, context.CancellationToken);
            throw new InvalidArgumentException("The code is wrong; enter the current code from the authenticator app or an unused recovery code.");
        }

        Check(await people.SetTwoFactorEnabledAsync(person, false));
        Check(await people.ResetAuthenticatorKeyAsync(person));
        return new DisableTwoFactorResponse();
    }

    public override async Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context)
    {
        if (request.CurrentPassword.Length is 0 or > MaxPasswordLength || request.NewPassword.Length is 0 or > MaxPasswordLength)
        {
            throw new InvalidArgumentException($"current_password and new_password are required, at most {MaxPasswordLength} characters each.");
        }

        var person = await UnlockedPersonAsync("A password");
        if (!await people.HasPasswordAsync(person))
        {
            throw new FailedPreconditionException("The person has no password yet; set one with the invitation's link (POST /account/reset-password).");
        }

        var changed = await people.ChangePasswordAsync(person, request.CurrentPassword, request.NewPassword);
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await failures.RecordAsync(person.Id, context.CancellationToken);
            throw new InvalidArgumentException("current_password is wrong.");
        }

        if (!changed.Succeeded)
        {
            throw new InvalidArgumentException("new_password is not acceptable: " + string.Join(" ", changed.Errors.Select(e => e.Description)));
        }

        await refreshTokens.RevokeAllAsync(person.Id, context.CancellationToken);
        return new ChangePasswordResponse();
    }

    /// <summary>The calling person; an API client has no password or second factor.</summary>
    /// <exception cref="FailedPreconditionException">the caller is an API client.</exception>
    private async Task<PersonEntity> PersonAsync(string what)
    {
        var caller = current.Caller;
        if (caller.Kind != CallerKind.Person)
        {
            throw new FailedPreconditionException($"{what} is a person's; an API client has none.");
        }

        return await people.FindByIdAsync(caller.SubjectId.ToString())
            ?? throw new UnauthenticatedException("The access token's person no longer exists.");
    }

    /// <summary>The calling person, unless locked out: wrong codes and passwords here count towards the same lockout as at sign-in.</summary>
    private async Task<PersonEntity> UnlockedPersonAsync(string what)
    {
        var person = await PersonAsync(what);
        return await people.IsLockedOutAsync(person)
            ? throw new FailedPreconditionException("Too many wrong codes or passwords: the account is locked for a while.")
            : person;
    }

    private static string Code(string code)
    {
        var trimmed = code.Replace(" ", "", StringComparison.Ordinal);
        return trimmed.Length is 0 or > MaxCodeLength ? throw new InvalidArgumentException("code is required (the authenticator app's current code).") : trimmed;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an account change: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    private async Task<PersonAccount> PersonAccountAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
        var tenants = await db.Tenants.AsNoTracking()
            .Where(t => db.TenantMemberships.Any(m => m.PersonId == personId && m.TenantId == t.Id)
                || db.MspMemberships.Any(m => m.PersonId == personId && m.MspOrganizationId == t.MspOrganizationId))
            .OrderBy(t => t.Slug)
            .Take(MaxTenantsListed + 1)
            .Select(t => new
            {
                t.Id,
                t.Slug,
                t.DisplayName,
                Direct = db.TenantMemberships.Where(m => m.PersonId == personId && m.TenantId == t.Id).Select(m => (TenantRole?)m.Role).FirstOrDefault(),
                ViaMsp = db.MspMemberships.Where(m => m.PersonId == personId && m.MspOrganizationId == t.MspOrganizationId).Select(m => (TenantRole?)m.Role).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var msps = await db.MspMemberships.AsNoTracking()
            .Where(m => m.PersonId == personId)
            .Join(db.MspOrganizations, m => m.MspOrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role })
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);

        var account = new PersonAccount
        {
            Id = person.Id.ToString(),
            Email = person.Email ?? "",
            DisplayName = person.DisplayName,
            Operator = person.IsOperator,
            TwoFactorEnabled = person.TwoFactorEnabled,
            TenantsTruncated = tenants.Count > MaxTenantsListed,
        };
        account.Tenants.AddRange(tenants.Take(MaxTenantsListed).Select(t => new TenantMembership
        {
            TenantId = t.Id.ToString(),
            TenantSlug = t.Slug,
            TenantDisplayName = t.DisplayName,
            Role = ApiRoles.ToApi(TenantAccess.Higher(t.Direct, t.ViaMsp)),
            DirectRole = ApiRoles.ToApi(t.Direct),
            MspRole = ApiRoles.ToApi(t.ViaMsp),
        }));
        account.MspMemberships.AddRange(msps.Select(m => new MspMembership
        {
            MspOrganizationId = m.Id.ToString(),
            MspOrganizationName = m.Name,
            Role = ApiRoles.ToApi(m.Role),
        }));
        return account;
    }

    private async Task<ClientAccount> ClientAccountAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.AsNoTracking().SingleAsync(c => c.Id == caller.SubjectId, cancellationToken);
        var account = new ClientAccount
        {
            ClientId = client.ClientId,
            Name = client.Name,
            TenantId = client.TenantId?.ToString() ?? "",
            MspOrganizationId = client.MspOrganizationId?.ToString() ?? "",
            Operator = client.IsOperator,
        };
        account.Scopes.AddRange(caller.Scopes.Order(StringComparer.Ordinal));
        return account;
    }
}
