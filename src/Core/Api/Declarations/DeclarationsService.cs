using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;
using AppleDeclaration = SaaSMdm.Apple.Ddm.Declaration;
using JsonDocument = System.Text.Json.JsonDocument;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>
/// The public Declarations API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant. Each change is
/// committed first, then (unless deferred) the channels it reached are synced through <see cref="ChangePropagation"/>.
/// This part: the declarations themselves.
/// </summary>
public sealed partial class DeclarationsService(
    CoreDbContext db,
    TenantContext tenant,
    DeclarationValidator validator,
    CommandTargets targets,
    ChannelLookup channels,
    EffectiveDeclarations effective,
    ChangePropagation propagation,
    TimeProvider clock) : Contracts.V1.Declarations.DeclarationsBase
{
    public override async Task<PutDeclarationResponse> PutDeclaration(PutDeclarationRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var identifier = DeclarationInput.Identifier(request.Identifier);
        var type = DeclarationInput.Type(request.Type);
        var payload = DeclarationInput.Payload(request.PayloadJson);
        DeclarationInput.EnsureValid(validator, AppleDeclaration.Create(type, identifier, payload));
        var canonical = Encoding.UTF8.GetString(CanonicalJson.Serialize(payload));
        var now = StoredTime.UtcNow(clock);

        var existing = await db.Declarations.FirstOrDefaultAsync(d => d.Identifier == identifier, cancellationToken);
        if (existing is null)
        {
            var created = new DeclarationEntity
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.TenantId,
                Identifier = identifier,
                Type = type,
                PayloadJson = canonical,
                ServerToken = DeclarationTokens.ServerToken(type, identifier, payload),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Declarations.Add(created);
            await SaveAsync($"Declaration '{identifier}' was created by another call at the same moment; try again.", cancellationToken);
            // A new declaration is in no set yet, so it reaches nobody.
            return new PutDeclarationResponse { Declaration = DeclarationMessages.ToDeclaration(created), Created = true, Changed = true, Sync = new() };
        }

        if (existing.Type != type)
        {
            throw new FailedPreconditionException(
                $"Declaration '{identifier}' is a {existing.Type}; its type cannot change (devices know it by category and identifier). Delete it and create it anew, or use another identifier.");
        }

        if (existing.PayloadJson == canonical)
        {
            return new PutDeclarationResponse { Declaration = DeclarationMessages.ToDeclaration(existing), Sync = new() };
        }

        existing.PayloadJson = canonical;
        existing.ServerToken = DeclarationTokens.ServerToken(type, identifier, payload, existing.TouchCount);
        existing.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        var sync = await NotifyDeclarationAsync(existing.Id, request.DeferSync, cancellationToken);
        return new PutDeclarationResponse { Declaration = DeclarationMessages.ToDeclaration(existing), Changed = true, Sync = sync };
    }

    public override async Task<Contracts.V1.Declaration> GetDeclaration(GetDeclarationRequest request, ServerCallContext context) =>
        DeclarationMessages.ToDeclaration(await FindDeclarationAsync(request.Identifier, context.CancellationToken));

    public override async Task<ListDeclarationsResponse> ListDeclarations(ListDeclarationsRequest request, ServerCallContext context)
    {
        var size = PageToken.Size(request.PageSize);
        var query = db.Declarations.AsNoTracking();
        if (request.Type.Length > 0)
        {
            var type = request.Type.Length <= DeclarationInput.MaxTypeLength ? request.Type : throw new InvalidArgumentException($"type has at most {DeclarationInput.MaxTypeLength} characters.");
            query = query.Where(d => d.Type == type);
        }

        if (request.Category != Contracts.V1.DeclarationCategory.Unspecified)
        {
            var prefix = DeclarationMessages.TypePrefix(request.Category);
            query = query.Where(d => d.Type.StartsWith(prefix));
        }

        if (NamePage.After(request.PageToken) is { } after)
        {
            query = query.Where(d => string.Compare(d.Identifier, after) > 0);
        }

        var rows = await query.OrderBy(d => d.Identifier).Take(size + 1).ToListAsync(context.CancellationToken);
        var (page, next) = NamePage.Split(rows, size, d => d.Identifier);
        var response = new ListDeclarationsResponse { NextPageToken = next };
        response.Declarations.AddRange(page.Select(d => DeclarationMessages.ToDeclaration(d, withPayload: false)));
        return response;
    }

    public override async Task<DeleteDeclarationResponse> DeleteDeclaration(DeleteDeclarationRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var declaration = await FindDeclarationAsync(request.Identifier, cancellationToken);
        var sets = await (
                from member in db.DeclarationSetMembers.AsNoTracking()
                where member.DeclarationId == declaration.Id
                join set in db.DeclarationSets.AsNoTracking() on member.SetId equals set.Id
                orderby set.Name
                select new { set.Id, set.Name })
            .ToListAsync(cancellationToken);
        if (sets.Count > 0 && !request.RemoveFromSets)
        {
            throw new FailedPreconditionException(
                $"Declaration '{declaration.Identifier}' belongs to the set(s) {string.Join(", ", sets.Take(5).Select(s => $"'{s.Name}'"))}{(sets.Count > 5 ? $" and {sets.Count - 5} more" : "")}; remove it from them first, or ask for remove_from_sets.");
        }

        var setIds = sets.Select(s => s.Id).ToList();
        var reached = request.DeferSync ? [] : await propagation.Reach.EnrollmentsOfSetsAsync(setIds, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.DeclarationSetMembers.Where(m => m.DeclarationId == declaration.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Declarations.Where(d => d.Id == declaration.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var response = new DeleteDeclarationResponse { Sync = await propagation.NotifyAsync(request.DeferSync, reached, cancellationToken) };
        response.RemovedFromSetIds.AddRange(setIds.Select(id => id.ToString()));
        return response;
    }

    public override async Task<TouchDeclarationResponse> TouchDeclaration(TouchDeclarationRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var declaration = await FindDeclarationAsync(request.Identifier, cancellationToken, tracked: true);
        using var payload = JsonDocument.Parse(declaration.PayloadJson);
        declaration.TouchCount++;
        declaration.ServerToken = DeclarationTokens.ServerToken(declaration.Type, declaration.Identifier, payload.RootElement, declaration.TouchCount);
        declaration.UpdatedAt = StoredTime.UtcNow(clock);
        await db.SaveChangesAsync(cancellationToken);
        var sync = await NotifyDeclarationAsync(declaration.Id, request.DeferSync, cancellationToken);
        return new TouchDeclarationResponse { Declaration = DeclarationMessages.ToDeclaration(declaration), Sync = sync };
    }

    /// <exception cref="NotFoundException">the tenant has no declaration with this identifier.</exception>
    private async Task<DeclarationEntity> FindDeclarationAsync(string identifier, CancellationToken cancellationToken, bool tracked = false)
    {
        var valid = DeclarationInput.Identifier(identifier);
        var query = tracked ? db.Declarations : db.Declarations.AsNoTracking();
        return await query.FirstOrDefaultAsync(d => d.Identifier == valid, cancellationToken)
            ?? throw new NotFoundException($"No declaration with identifier '{valid}'.");
    }

    private async Task<SyncResult> NotifyDeclarationAsync(Guid declarationId, bool deferred, CancellationToken cancellationToken) =>
        await propagation.NotifyAsync(deferred, deferred ? [] : await propagation.Reach.EnrollmentsOfDeclarationsAsync([declarationId], cancellationToken), cancellationToken);

    /// <summary>Saves, turning a unique-key race with a concurrent call into ABORTED.</summary>
    private async Task SaveAsync(string raceMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, raceMessage));
        }
    }
}
