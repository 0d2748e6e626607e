using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// Gives the person an email names a membership (in a tenant or an MSP): the person is found, or created without a
/// password and with the email unconfirmed, in the membership's transaction; a new person is invited once it is saved
/// (the invitation's link sets the password and confirms the email).
/// </summary>
public sealed class PersonInvitations(CoreDbContext db, UserManager<PersonEntity> people, AccountTokenDelivery delivery, TimeProvider clock)
{
    /// <param name="displayName">The new person's name; not read when the person exists.</param>
    /// <param name="isMember">Whether the person holds the membership already.</param>
    /// <param name="membership">The person's new membership row, made at the given time.</param>
    /// <returns>The person, and whether they were new and invited.</returns>
    /// <exception cref="InvalidArgumentException">a new person's name or email is not acceptable.</exception>
    /// <exception cref="AlreadyExistsException">the person holds the membership already.</exception>
    public async Task<(PersonEntity Person, bool Invited)> AddMembershipAsync(
        string email, string displayName, Func<Guid, Task<bool>> isMember, Func<Guid, DateTime, object> membership, CancellationToken cancellationToken)
    {
        PersonEntity person;
        bool created;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            (person, created) = await FindOrCreateAsync(email, displayName);
            if (await isMember(person.Id))
            {
                throw new AlreadyExistsException($"Person {person.Id} holds this membership already; to change the role, change (or remove) that membership.");
            }

            db.Add(membership(person.Id, StoredTime.UtcNow(clock)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (created)
        {
            await delivery.InvitationAsync(person);
        }

        return (person, created);
    }

    private async Task<(PersonEntity Person, bool Created)> FindOrCreateAsync(string email, string displayName)
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
}
