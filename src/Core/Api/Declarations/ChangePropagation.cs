using SaaSMdm.Core.Declarations;
using ApiSyncResult = SaaSMdm.Contracts.V1.SyncResult;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>
/// The end of every mutating Declarations call: unless the caller deferred it, the enrollment channels the
/// committed change reached are synced, and only those whose DeclarationsToken changed are notified.
/// </summary>
public sealed class ChangePropagation(DeclarationReach reach, DeclarationSync sync)
{
    public DeclarationReach Reach => reach;

    /// <returns>What was sent; all zero when deferred or when nothing was reached.</returns>
    public async Task<ApiSyncResult> NotifyAsync(bool deferred, IReadOnlyCollection<Guid> reached, CancellationToken cancellationToken) =>
        deferred || reached.Count == 0
            ? new ApiSyncResult()
            : DeclarationMessages.ToSyncResult(await sync.SyncAsync(reached, force: false, cancellationToken));

    public async Task<ApiSyncResult> NotifyTenantAsync(CancellationToken cancellationToken) =>
        DeclarationMessages.ToSyncResult(await sync.SyncTenantAsync(cancellationToken));
}
