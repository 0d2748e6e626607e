using Microsoft.EntityFrameworkCore;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>The public AuditLog API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class AuditLogService(CoreDbContext db) : Contracts.V1.AuditLog.AuditLogBase
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var size = PageToken.Size(request.PageSize);
        var page = await AuditEntryQuery.Apply(db.AuditEntries.AsNoTracking(), request).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new ListAuditEntriesResponse();
        response.Entries.AddRange(page.Take(size).Select(ToMessage));
        if (page.Count > size)
        {
            response.NextPageToken = AuditEntryQuery.NextPageToken(page[size - 1]);
        }

        return response;
    }

    private static AuditEntry ToMessage(AuditEntryEntity entry) => new()
    {
        Id = entry.Id.ToString("D"),
        OccurTime = ApiTimestamps.From(entry.OccurredAt),
        ActorKind = entry.ActorKind == CallerKind.Person ? AuditActorKind.Person : AuditActorKind.Client,
        ActorId = entry.ActorId.ToString("D"),
        ActorName = entry.ActorName,
        Method = entry.Method,
        Target = entry.Target,
        Outcome = entry.Outcome,
        Detail = entry.Detail,
        Peer = entry.Peer,
    };
}
