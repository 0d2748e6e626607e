using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>Sets and their members.</summary>
public sealed partial class DeclarationsService
{
    public override async Task<DeclarationSet> CreateSet(CreateSetRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var name = DeclarationInput.Name(request.Name);
        var description = DeclarationInput.Description(request.Description);
        await EnsureSetNameFreeAsync(name, null, cancellationToken);
        var now = StoredTime.UtcNow(clock);
        var set = new DeclarationSetEntity { Id = Guid.NewGuid(), TenantId = tenant.TenantId, Name = name, Description = description, CreatedAt = now, UpdatedAt = now };
        db.DeclarationSets.Add(set);
        await SaveAsync($"A set named '{name}' was created by another call at the same moment.", cancellationToken);
        return DeclarationMessages.ToSet(set, 0, 0);
    }

    public override async Task<DeclarationSet> GetSet(GetSetRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var set = await FindSetAsync(request.SetId, cancellationToken);
        var message = await SetWithCountsAsync(set, cancellationToken);
        message.DeclarationIdentifiers.AddRange(await MemberIdentifiersAsync(set.Id, cancellationToken));
        return message;
    }

    public override async Task<ListSetsResponse> ListSets(ListSetsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var size = PageToken.Size(request.PageSize);
        var query = db.DeclarationSets.AsNoTracking();
        if (NamePage.After(request.PageToken) is { } after)
        {
            query = query.Where(s => string.Compare(s.Name, after) > 0);
        }

        var (page, next) = NamePage.Split(await query.OrderBy(s => s.Name).Take(size + 1).ToListAsync(cancellationToken), size, s => s.Name);
        var ids = page.Select(s => s.Id).ToList();
        var channelCounts = await db.EnrollmentSetAssignments.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.SetId))
            .GroupBy(a => a.SetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var groupCounts = await db.GroupSetAssignments.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.SetId))
            .GroupBy(a => a.SetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var response = new ListSetsResponse { NextPageToken = next };
        response.Sets.AddRange(page.Select(s => DeclarationMessages.ToSet(s, channelCounts.GetValueOrDefault(s.Id), groupCounts.GetValueOrDefault(s.Id))));
        return response;
    }

    public override async Task<DeclarationSet> UpdateSet(UpdateSetRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var set = await FindSetAsync(request.SetId, cancellationToken, tracked: true);
        if (request.HasName)
        {
            var name = DeclarationInput.Name(request.Name);
            await EnsureSetNameFreeAsync(name, set.Id, cancellationToken);
            set.Name = name;
        }

        if (request.HasDescription)
        {
            set.Description = DeclarationInput.Description(request.Description);
        }

        set.UpdatedAt = StoredTime.UtcNow(clock);
        await SaveAsync($"Set {set.Id} was renamed by another call at the same moment.", cancellationToken);
        return await SetWithCountsAsync(set, cancellationToken);
    }

    public override async Task<DeleteSetResponse> DeleteSet(DeleteSetRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var set = await FindSetAsync(request.SetId, cancellationToken);
        var reached = request.DeferSync ? [] : await propagation.Reach.EnrollmentsOfSetsAsync([set.Id], cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.EnrollmentSetAssignments.Where(a => a.SetId == set.Id).ExecuteDeleteAsync(cancellationToken);
            await db.GroupSetAssignments.Where(a => a.SetId == set.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DeclarationSetMembers.Where(m => m.SetId == set.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DeclarationSets.Where(s => s.Id == set.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new DeleteSetResponse { Sync = await propagation.NotifyAsync(request.DeferSync, reached, cancellationToken) };
    }

    public override Task<SetDeclarationsResponse> SetSetDeclarations(SetDeclarationsRequest request, ServerCallContext context) =>
        ChangeMembersAsync(request, allowEmpty: true, (current, named) => (named.Except(current).ToList(), current.Except(named).ToList()), context.CancellationToken);

    public override Task<SetDeclarationsResponse> AddDeclarationsToSet(SetDeclarationsRequest request, ServerCallContext context) =>
        ChangeMembersAsync(request, allowEmpty: false, (current, named) => (named.Except(current).ToList(), []), context.CancellationToken);

    public override Task<SetDeclarationsResponse> RemoveDeclarationsFromSet(SetDeclarationsRequest request, ServerCallContext context) =>
        ChangeMembersAsync(request, allowEmpty: false, (current, named) => ([], current.Intersect(named).ToList()), context.CancellationToken);

    /// <param name="plan">From the current members and the named declarations, the ones to add and to remove.</param>
    private async Task<SetDeclarationsResponse> ChangeMembersAsync(
        SetDeclarationsRequest request, bool allowEmpty, Func<HashSet<Guid>, HashSet<Guid>, (List<Guid> Add, List<Guid> Remove)> plan, CancellationToken cancellationToken)
    {
        var identifiers = DeclarationInput.Identifiers(request.Identifiers, allowEmpty);
        var set = await FindSetAsync(request.SetId, cancellationToken, tracked: true);
        var named = await db.Declarations.AsNoTracking()
            .Where(d => EF.Parameter(identifiers).Contains(d.Identifier))
            .ToDictionaryAsync(d => d.Identifier, d => d.Id, StringComparer.Ordinal, cancellationToken);
        var unknown = identifiers.Where(identifier => !named.ContainsKey(identifier)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotFoundException($"No declaration with identifier {string.Join(", ", unknown.Take(5).Select(i => $"'{i}'"))}{(unknown.Count > 5 ? $" and {unknown.Count - 5} more" : "")}; the set was not changed.");
        }

        var current = (await db.DeclarationSetMembers.AsNoTracking().Where(m => m.SetId == set.Id).Select(m => m.DeclarationId).ToListAsync(cancellationToken)).ToHashSet();
        var (add, remove) = plan(current, named.Values.ToHashSet());
        var changed = add.Count + remove.Count > 0;
        if (changed)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DeclarationSetMembers.Where(m => m.SetId == set.Id && EF.Parameter(remove).Contains(m.DeclarationId)).ExecuteDeleteAsync(cancellationToken);
            db.DeclarationSetMembers.AddRange(add.Select(id => new DeclarationSetMemberEntity { SetId = set.Id, DeclarationId = id, TenantId = tenant.TenantId }));
            set.UpdatedAt = StoredTime.UtcNow(clock);
            await SaveAsync($"The members of set {set.Id} were changed by another call at the same moment; try again.", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var reached = changed && !request.DeferSync ? await propagation.Reach.EnrollmentsOfSetsAsync([set.Id], cancellationToken) : [];
        var response = new SetDeclarationsResponse { Sync = await propagation.NotifyAsync(request.DeferSync, reached, cancellationToken) };
        response.DeclarationIdentifiers.AddRange(await MemberIdentifiersAsync(set.Id, cancellationToken));
        return response;
    }

    /// <exception cref="NotFoundException">the tenant has no such set.</exception>
    private async Task<DeclarationSetEntity> FindSetAsync(string setId, CancellationToken cancellationToken, bool tracked = false)
    {
        var id = DeclarationInput.Id(setId, "set_id");
        var query = tracked ? db.DeclarationSets : db.DeclarationSets.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException($"No set with id '{id}'.");
    }

    private async Task EnsureSetNameFreeAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.DeclarationSets.AnyAsync(s => s.Name == name && s.Id != except, cancellationToken))
        {
            throw new AlreadyExistsException($"The tenant already has a set named '{name}'.");
        }
    }

    private async Task<DeclarationSet> SetWithCountsAsync(DeclarationSetEntity set, CancellationToken cancellationToken) =>
        DeclarationMessages.ToSet(
            set,
            await db.EnrollmentSetAssignments.CountAsync(a => a.SetId == set.Id, cancellationToken),
            await db.GroupSetAssignments.CountAsync(a => a.SetId == set.Id, cancellationToken));

    private Task<List<string>> MemberIdentifiersAsync(Guid setId, CancellationToken cancellationToken) =>
        (from member in db.DeclarationSetMembers.AsNoTracking()
         where member.SetId == setId
         join declaration in db.Declarations.AsNoTracking() on member.DeclarationId equals declaration.Id
         orderby declaration.Identifier
         select declaration.Identifier).ToListAsync(cancellationToken);
}
