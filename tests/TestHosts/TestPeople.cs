using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.TestHosts;

/// <summary>A person who can sign in to the portal: email, password and, with two-factor sign-in on, the authenticator's key.</summary>
public sealed record TestPerson(Guid Id, string Email, string Password, string? AuthenticatorKey);

/// <summary>Makes people straight in Core's database (through Identity), with a role in a tenant and optionally two-factor sign-in.</summary>
public static class TestPeople
{
    public const string Password = "a long enough portal test password";

    /// <param name="services">Core's services (an in-process Core's, e.g. <see cref="CoreTestHost.Services"/>).</param>
    public static async Task<TestPerson> CreateAsync(
        IServiceProvider services, Guid? tenantId = null, TenantRole role = TenantRole.ReadOnly, bool twoFactor = false, bool isOperator = false, string? displayName = null)
    {
        var email = $"person-{Guid.NewGuid():N}@example.test";
        await using var scope = services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<UserManager<PersonEntity>>();
        var person = new PersonEntity
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? "Test Person",
            IsOperator = isOperator,
            CreatedAt = StoredTime.UtcNow(TimeProvider.System),
        };
        Succeeded(await people.CreateAsync(person, Password));
        string? key = null;
        if (twoFactor)
        {
            Succeeded(await people.ResetAuthenticatorKeyAsync(person));
            key = await people.GetAuthenticatorKeyAsync(person);
            Succeeded(await people.SetTwoFactorEnabledAsync(person, true));
        }

        if (tenantId is { } tenant)
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            db.TenantMemberships.Add(new TenantMembershipEntity { TenantId = tenant, PersonId = person.Id, Role = role, CreatedAt = person.CreatedAt });
            await db.SaveChangesAsync();
        }

        return new TestPerson(person.Id, email, Password, key);
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(error => error.Description)));
        }
    }
}
