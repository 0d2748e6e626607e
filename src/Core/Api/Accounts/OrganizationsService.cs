using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.Declarations;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The public Organizations API: MSP organizations, their people and API clients, and which tenants they manage. It
/// is about no one tenant, so each call decides from the caller (<see cref="MspAccess"/>) who may make it.
/// </summary>
public sealed class OrganizationsService(
    CoreDbContext db,
    CurrentCaller current,
    TenantAccess access,
    MspAccess msps,
    MemberDirectory directory,
    PersonInvitations invitations,
    ApiClientStore clients,
    TimeProvider clock) : Contracts.V1.Organizations.OrganizationsBase
{
    public override async Task<MspOrganization> CreateMspOrganization(CreateMspOrganizationRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var name = AccountInput.Name(request.Name, "name");
        await msps.RequireOperatorAsync("create MSP organizations", cancellationToken);
        var taken = new AlreadyExistsException($"An MSP organization named '{name}' exists already.");
        if (await db.MspOrganizations.AnyAsync(m => m.Name == name, cancellationToken))
        {
            throw taken;
        }

        var msp = new MspOrganizationEntity { Id = Guid.CreateVersion7(), Name = name, CreatedAt = StoredTime.UtcNow(clock) };
        db.MspOrganizations.Add(msp);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent create of the same name: the unique index decided.
            throw taken;
        }

        return ToMessage(msp);
    }

    public override async Task<ListMspOrganizationsResponse> ListMspOrganizations(ListMspOrganizationsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var size = PageToken.Size(request.PageSize);
        var query = (await VisibleMspsAsync(cancellationToken)).AsNoTracking();
        if (NamePage.After(request.PageToken) is { } after)
        {
            query = query.Where(m => string.Compare(m.Name, after) > 0);
        }

        var (page, next) = NamePage.Split(await query.OrderBy(m => m.Name).Take(size + 1).ToListAsync(cancellationToken), size, m => m.Name);
        var response = new ListMspOrganizationsResponse { NextPageToken = next };
        response.MspOrganizations.AddRange(page.Select(ToMessage));
        return response;
    }

    public override async Task<AddMspMemberResponse> AddMspMember(AddMspMemberRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var manager = await msps.RequireManagerAsync(request.MspOrganizationId, cancellationToken);
        var email = AccountInput.Email(request.Email);
        var role = ApiRoles.Read(request.Role, "role");
        manager.RequireMayGrant(role);

        var (person, invited) = await invitations.AddMembershipAsync(
            email,
            request.DisplayName,
            personId => db.MspMemberships.AnyAsync(m => m.MspOrganizationId == manager.MspOrganizationId && m.PersonId == personId, cancellationToken),
            (personId, now) => new MspMembershipEntity { MspOrganizationId = manager.MspOrganizationId, PersonId = personId, Role = role, CreatedAt = now },
            cancellationToken);
        var member = await directory.OfMsp(manager.MspOrganizationId).SingleAsync(m => m.PersonId == person.Id, cancellationToken);
        return new AddMspMemberResponse { Member = MemberMessages.ToMspMember(member), Invited = invited };
    }

    public override async Task<RemoveMspMemberResponse> RemoveMspMember(RemoveMspMemberRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var manager = await msps.RequireManagerAsync(request.MspOrganizationId, cancellationToken);
        var personId = AccountInput.Id(request.PersonId, "person_id");
        var membership = await db.MspMemberships.SingleOrDefaultAsync(m => m.MspOrganizationId == manager.MspOrganizationId && m.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException($"Person {personId} is not a member of the MSP organization.");
        manager.RequireMayGrant(membership.Role);
        db.MspMemberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return new RemoveMspMemberResponse();
    }

    public override async Task<ListMspMembersResponse> ListMspMembers(ListMspMembersRequest request, ServerCallContext context)
    {
        var manager = await msps.RequireManagerAsync(request.MspOrganizationId, context.CancellationToken);
        var (page, next) = await MemberDirectory.PageAsync(directory.OfMsp(manager.MspOrganizationId), request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListMspMembersResponse { NextPageToken = next };
        response.Members.AddRange(page.Select(MemberMessages.ToMspMember));
        return response;
    }

    public override async Task<CreateApiClientResponse> CreateMspApiClient(CreateMspApiClientRequest request, ServerCallContext context)
    {
        var manager = await msps.RequireManagerAsync(request.MspOrganizationId, context.CancellationToken);
        var name = AccountInput.Name(request.Name, "name");
        var scopes = GrantableScopes.Check(request.Scopes, ApiScopes.All, manager.GrantableScopes(current.Scopes), "An MSP's API client");
        return await clients.CreateAsync(name, scopes, tenantId: null, manager.MspOrganizationId, context.CancellationToken);
    }

    public override async Task<ListApiClientsResponse> ListMspApiClients(ListMspApiClientsRequest request, ServerCallContext context)
    {
        var manager = await msps.RequireManagerAsync(request.MspOrganizationId, context.CancellationToken);
        return await clients.ListAsync(clients.OfMsp(manager.MspOrganizationId), request.PageSize, request.PageToken, context.CancellationToken);
    }

    public override async Task<ApiClient> RevokeMspApiClient(RevokeMspApiClientRequest request, ServerCallContext context)
    {
        var manager = await msps.RequireManagerAsync(request.MspOrganizationId, context.CancellationToken);
        var client = await clients.FindAsync(clients.OfMsp(manager.MspOrganizationId), request.ClientId, context.CancellationToken);
        return await clients.RevokeAsync(client, context.CancellationToken);
    }

    public override async Task<Tenant> AssignTenantToMsp(AssignTenantToMspRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var tenantId = AccountInput.Id(request.TenantId, "tenant_id");
        Guid? mspId = request.MspOrganizationId.Length == 0 ? null : AccountInput.Id(request.MspOrganizationId, "msp_organization_id");
        await msps.RequireOperatorAsync("assign tenants to MSP organizations", cancellationToken);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException($"No tenant with id '{tenantId}'.");
        if (mspId is { } msp && !await db.MspOrganizations.AnyAsync(m => m.Id == msp, cancellationToken))
        {
            throw new NotFoundException($"No MSP organization with id '{msp}'.");
        }

        tenant.MspOrganizationId = mspId;
        await db.SaveChangesAsync(cancellationToken);
        return TenantsService.ToMessage(tenant);
    }

    /// <summary>Operators see every MSP; a person those they belong to; an MSP's client its own; a tenant's client none.</summary>
    private async Task<IQueryable<MspOrganizationEntity>> VisibleMspsAsync(CancellationToken cancellationToken)
    {
        var caller = current.Caller;
        if (await access.IsOperatorAsync(caller, cancellationToken))
        {
            return db.MspOrganizations;
        }

        return caller.Kind == CallerKind.Person
            ? db.MspOrganizations.Where(o => db.MspMemberships.Any(m => m.MspOrganizationId == o.Id && m.PersonId == caller.SubjectId))
            : db.MspOrganizations.Where(o => o.Id == caller.MspOrganizationId);
    }

    private static MspOrganization ToMessage(MspOrganizationEntity msp) => new()
    {
        Id = msp.Id.ToString(),
        Name = msp.Name,
        CreateTime = Timestamp.FromDateTime(msp.CreatedAt),
    };
}
