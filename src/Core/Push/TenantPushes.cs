using SaaSMdm.Core.Data;

namespace SaaSMdm.Core.Push;

/// <summary>Pushes for a tenant from a background job: a scope of its own with that tenant entered.</summary>
public sealed partial class TenantPushes(IServiceScopeFactory scopes, ILogger<TenantPushes> logger)
{
    /// <summary>Sends and records the pushes; a failure is logged, never thrown, so one tenant cannot stop the others.</summary>
    public async Task SendAsync(Guid tenantId, IReadOnlyCollection<Guid> enrollmentIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
            await scope.ServiceProvider.GetRequiredService<PushSender>().SendAsync(enrollmentIds, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What stays unpushed is picked up by the sweep later.
            LogFailed(logger, e, tenantId, enrollmentIds.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pushing {Count} enrollments of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId, int count);
}
