using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The public Members API: the people of the request's tenant (entered by the authorization interceptor) and their
/// own roles there. Changes that could leave the tenant without an owner hold the tenant's row locked, so two of them
/// at once cannot each remove "the other" owner.
/// </summary>
public sealed class MembersService(
    CoreDbContext db,
    TenantContext tenant,
    MemberDirectory directory,
    PersonInvitations invitations,
    TenantRoleGrants grants) : Contracts.V1.Members.MembersBase
{
    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var members = directory.OfTenant(tenant.TenantId, await TenantMspAsync(context.CancellationToken));
        var (page, next) = await MemberDirectory.PageAsync(members, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListMembersResponse { NextPageToken = next };
        response.Members.AddRange(page.Select(MemberMessages.ToMember));
        return response;
    }

    public override async Task<AddMemberResponse> AddMember(AddMemberRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var email = AccountInput.Email(request.Email);
        var role = ApiRoles.Read(request.Role, "role");
        await grants.RequireMayGrantAsync(role, cancellationToken);

        var (person, invited) = await invitations.AddMembershipAsync(
            email,
            request.DisplayName,
            personId => db.TenantMemberships.AnyAsync(m => m.TenantId == tenant.TenantId && m.PersonId == personId, cancellationToken),
            (personId, now) => new TenantMembershipEntity { TenantId = tenant.TenantId, PersonId = personId, Role = role, CreatedAt = now },
            cancellationToken);
        return new AddMemberResponse { Member = await MemberAsync(person.Id, cancellationToken), Invited = invited };
    }

    public override async Task<Member> SetMemberRole(SetMemberRoleRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var personId = AccountInput.Id(request.PersonId, "person_id");
        var role = ApiRoles.Read(request.Role, "role");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var membership = await LockedMembershipAsync(personId, cancellationToken);
            await grants.RequireMayGrantAsync(membership.Role, cancellationToken);
            await grants.RequireMayGrantAsync(role, cancellationToken);
            if (role != TenantRole.Owner)
            {
                await EnsureNotLastOwnerAsync(membership, "demoted", cancellationToken);
            }

            membership.Role = role;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await MemberAsync(personId, cancellationToken);
    }

    public override async Task<RemoveMemberResponse> RemoveMember(RemoveMemberRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var personId = AccountInput.Id(request.PersonId, "person_id");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await LockedMembershipAsync(personId, cancellationToken);
        await grants.RequireMayGrantAsync(membership.Role, cancellationToken);
        await EnsureNotLastOwnerAsync(membership, "removed", cancellationToken);
        db.TenantMemberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RemoveMemberResponse();
    }

    /// <summary>
    /// Locks the tenant's row (a write that changes nothing: PostgreSQL holds the row lock, SQLite the database's
    /// write lock, to the end of the transaction), then reads the person's own membership.
    /// </summary>
    /// <exception cref="NotFoundException">the person has no role of their own in the tenant.</exception>
    private async Task<TenantMembershipEntity> LockedMembershipAsync(Guid personId, CancellationToken cancellationToken)
    {
        await db.Tenants.Where(t => t.Id == tenant.TenantId).ExecuteUpdateAsync(set => set.SetProperty(t => t.Slug, t => t.Slug), cancellationToken);
        return await db.TenantMemberships.SingleOrDefaultAsync(m => m.TenantId == tenant.TenantId && m.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException($"Person {personId} has no role of their own in the tenant.");
    }

    /// <exception cref="FailedPreconditionException">the membership is the tenant's last owner's.</exception>
    private async Task EnsureNotLastOwnerAsync(TenantMembershipEntity membership, string change, CancellationToken cancellationToken)
    {
        if (membership.Role == TenantRole.Owner
            && !await db.TenantMemberships.AnyAsync(m => m.TenantId == tenant.TenantId && m.PersonId != membership.PersonId && m.Role == TenantRole.Owner, cancellationToken))
        {
            throw new FailedPreconditionException($"Person {membership.PersonId} is the tenant's last owner and cannot be {change}; make another person owner first.");
        }
    }

    private async Task<Member> MemberAsync(Guid personId, CancellationToken cancellationToken)
    {
        var row = await directory.OfTenant(tenant.TenantId, await TenantMspAsync(cancellationToken)).SingleAsync(m => m.PersonId == personId, cancellationToken);
        return MemberMessages.ToMember(row);
    }

    private Task<Guid?> TenantMspAsync(CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.MspOrganizationId).SingleAsync(cancellationToken);
}
