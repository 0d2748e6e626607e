using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The person a new member's email names: found, or created without a password and with the email unconfirmed, to be
/// invited once the membership is saved (the invitation's link sets the password and confirms the email).
/// </summary>
public sealed class PersonInvitations(UserManager<PersonEntity> people, AccountTokenDelivery delivery, TimeProvider clock)
{
    /// <summary>The person with <paramref name="email"/>; created (and <c>Created</c>) when there is none.</summary>
    /// <param name="displayName">The new person's name; not read when the person exists.</param>
    /// <exception cref="InvalidArgumentException">a new person's name or email is not acceptable.</exception>
    public async Task<(PersonEntity Person, bool Created)> FindOrCreateAsync(string email, string displayName)
    {
        if (await people.FindByEmailAsync(email) is { } existing)
        {
            return (existing, false);
        }

        var person = new PersonEntity
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            DisplayName = AccountInput.Name(displayName, "display_name"),
            CreatedAt = StoredTime.UtcNow(clock),
        };
        var created = await people.CreateAsync(person);
        return created.Succeeded
            ? (person, true)
            : throw new InvalidArgumentException("The person cannot be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Sends a created person their invitation; call it after the membership that gives them a reason to sign in is saved.</summary>
    public Task InviteAsync(PersonEntity person) => delivery.InvitationAsync(person);
}
