using Microsoft.Extensions.Options;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Tenants;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Events;

/// <summary>The public Events API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class EventsService(
    EventReader reader,
    EventSignal signal,
    WatchStreamLimiter streams,
    TenantContext tenant,
    CurrentCaller caller,
    TenantAccess access,
    IOptions<EventOptions> options,
    TimeProvider clock) : Contracts.V1.Events.EventsBase
{
    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var after = EventCursor.Read(request.AfterCursor, "after_cursor");
        var types = EventTypes.ParseFilter(request.Types_, "types");
        // Unfiltered, as in WatchEvents: the page's cursor moves past events of other types too, so a filtered
        // poller does not rescan them on every call.
        var examined = await reader.ReadAsync(after, [], PageToken.Size(request.PageSize), context.CancellationToken);

        var response = new ListEventsResponse { NextCursor = examined.Count > 0 ? EventCursor.Of(examined[^1].Sequence) : request.AfterCursor };
        response.Events.AddRange(examined.Where(e => types.Length == 0 || types.Contains(e.Type)).Select(EventMessages.ToEvent));
        return response;
    }

    /// <summary>
    /// The backlog a batch at a time, then new events as this replica commits them or a poll finds them, until the
    /// caller cancels or its deadline passes. A long stream checks now and then that its caller may still read the
    /// tenant's events, so revoking a client or a role ends its streams too.
    /// </summary>
    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var after = EventCursor.Read(request.AfterCursor, "after_cursor");
        var types = EventTypes.ParseFilter(request.Types_, "types");
        var settings = options.Value;
        using var slot = streams.TryOpen(caller.Caller) ?? throw new ResourceExhaustedException(
            $"This caller already has {settings.MaxStreamsPerCaller} WatchEvents streams open here; close one, or read with fewer streams (one stream can watch several types).");
        var poll = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        var recheckAt = clock.GetUtcNow().AddSeconds(settings.WatchRecheckSeconds);
        while (true)
        {
            var committed = signal.Next(tenant.TenantId);
            // Unfiltered, so the stream's position moves past events of other types too and no query rescans them.
            var events = await reader.ReadAsync(after, [], settings.WatchBatchSize, cancellationToken);
            foreach (var entry in events)
            {
                if (types.Length == 0 || types.Contains(entry.Type))
                {
                    await responseStream.WriteAsync(EventMessages.ToEvent(entry), cancellationToken);
                }

                after = entry.Sequence;
            }

            if (clock.GetUtcNow() >= recheckAt)
            {
                await EnsureStillAllowedAsync(cancellationToken);
                recheckAt = clock.GetUtcNow().AddSeconds(settings.WatchRecheckSeconds);
            }

            if (events.Count < settings.WatchBatchSize)
            {
                await EventSignal.WaitAsync(committed, poll, clock, cancellationToken);
            }
        }
    }

    private async Task EnsureStillAllowedAsync(CancellationToken cancellationToken)
    {
        if (!await access.IsActiveAsync(caller.Caller, cancellationToken))
        {
            throw new UnauthenticatedException("The stream's client or person no longer exists or was revoked.");
        }

        var scopes = await access.ScopesInTenantAsync(caller.Caller, tenant.TenantId, cancellationToken);
        if (scopes is null || !scopes.Contains(ApiScopes.EventsRead))
        {
            throw new PermissionDeniedException("The stream's caller may no longer read this tenant's events.");
        }
    }
}
