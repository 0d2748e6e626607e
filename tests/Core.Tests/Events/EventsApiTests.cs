using System.Text;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Events;
using SaaSMdm.Core.Tests.Gateway;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

public sealed class EventsApiOnSqlite(EventsFixture<OnSqlite> fixture) : EventsApiTests<OnSqlite>(fixture), IClassFixture<EventsFixture<OnSqlite>>;

public sealed class EventsApiOnPostgres(EventsFixture<OnPostgres> fixture) : EventsApiTests<OnPostgres>(fixture), IClassFixture<EventsFixture<OnPostgres>>;

/// <summary>
/// What devices do becomes events, and the Events API hands them out: ListEvents a page at a time by cursor,
/// WatchEvents as a stream that resumes from a cursor without gaps or duplicates; other tenants' callers get nothing.
/// </summary>
public abstract class EventsApiTests<TProvider>(EventsFixture<TProvider> fixture) where TProvider : IProviderChoice
{
    [Fact]
    public async Task Enrollment_command_answers_status_reports_and_check_out_become_events_with_their_data()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var start = await HeadAsync(client);

        var device = await tenant.NewDeviceAsync();
        await device.EnrollAsync();
        var deviceId = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.Id;
        var restart = MdmCommands.RestartDevice();
        await fixture.EnqueueAsync(tenant.Id, restart, deviceId);
        Assert.Equal(restart.CommandUuid, TestDevice.CommandIn(await device.ConnectAsync("Idle")));
        await device.ConnectAsync(device.Report("Error", restart.CommandUuid, new PlistDictionary().Add("ErrorChain", new PlistArray
        {
            new PlistDictionary().Add("ErrorCode", 12021).Add("ErrorDomain", "MCMDMErrorDomain").Add("USEnglishDescription", "Not now, really"),
        })));
        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(DeclarativeManagementSeeding.Report(true, """
            {"identifier": "a", "server-token": "ta", "active": true, "valid": "valid"},
            {"identifier": "b", "server-token": "tb", "active": false, "valid": "invalid", "reasons": [{"code": "Error.ConfigurationCannotBeApplied"}]}
            """))));
        TestDevice.AssertAccepted(await device.DeclarativeAsync("status", Utf8(DeclarativeManagementSeeding.Report(false, """
            {"identifier": "a", "server-token": "ta", "active": true, "valid": "valid"},
            {"identifier": "b", "server-token": "tb2", "active": true, "valid": "valid"}
            """))));
        TestDevice.AssertAccepted(await device.CheckInAsync(device.Message("CheckOut").Add("Topic", tenant.Topic!)));

        var events = await ListAllAsync(client, start);

        Assert.All(events, e => Assert.Equal((tenant.Id.ToString(), deviceId.ToString(), device.Udid), (e.TenantId, e.DeviceId, e.EnrollmentId)));
        Assert.Equal(
            [EventTypes.DeviceEnrolled, EventTypes.CommandAcknowledged, EventTypes.CommandError, "status", "status", EventTypes.DeviceCheckedOut],
            Collapse(events.Select(e => e.Type)));
        var enrolled = Data(events[0]);
        Assert.Equal(("device", "F2LXK0ABCDEF", "iPhone15,2", "17.4"),
            ((string?)enrolled["kind"], (string?)enrolled["serial_number"], (string?)enrolled["model"], (string?)enrolled["os_version"]));
        var acknowledged = Data(events[1]);
        Assert.Equal(("DeclarativeManagement", "Acknowledged"), ((string?)acknowledged["request_type"], (string?)acknowledged["status"]));
        var error = Data(events[2]);
        Assert.Equal((restart.CommandUuid, "RestartDevice", "Error"), ((string?)error["command_uuid"], (string?)error["request_type"], (string?)error["status"]));
        Assert.Equal((12021L, "MCMDMErrorDomain", "Not now, really"),
            ((long?)error["error_chain"]![0]!["code"], (string?)error["error_chain"]![0]!["domain"], (string?)error["error_chain"]![0]!["description"]));

        var reports = events.Where(e => e.Type == EventTypes.StatusReportReceived).Select(Data).ToList();
        Assert.Equal([(true, 2), (false, 2)], reports.Select(r => ((bool)r["full_report"]!, (int)r["declarations"]!)));
        var changes = events.Where(e => e.Type == EventTypes.DeclarationStatusChanged).Select(Data).ToList();
        Assert.Equal(
            ["a active=true valid=valid previous=/ reasons=", "b active=false valid=invalid previous=/ reasons=Error.ConfigurationCannotBeApplied",
             "b active=true valid=valid previous=false/invalid reasons="],
            changes.Select(c => $"{c["identifier"]} active={c["active"]!.ToJsonString()} valid={c["valid"]} " +
                $"previous={c["previous_active"]?.ToJsonString()}/{c["previous_valid"]} reasons={string.Join(",", c["reasons"]!.AsArray().Select(r => (string?)r))}")
                .Order(StringComparer.Ordinal));
        Assert.Equal(("check_out", 1), ((string?)Data(events[^1])["reason"], (int?)Data(events[^1])["channels"]));
    }

    [Fact]
    public async Task Removing_a_device_through_the_API_is_a_check_out_with_reason_removed()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var device = await tenant.EnrollDeviceAsync();
        var deviceId = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.Id;
        var start = await HeadAsync(client);

        await client.Devices.RemoveDeviceAsync(new RemoveDeviceRequest { TenantId = client.Tenant, DeviceId = deviceId.ToString() });

        var removed = Assert.Single(await ListAllAsync(client, start));
        Assert.Equal((EventTypes.DeviceCheckedOut, deviceId.ToString(), device.Udid), (removed.Type, removed.DeviceId, removed.EnrollmentId));
        Assert.Equal(("removed", 1), ((string?)Data(removed)["reason"], (int?)Data(removed)["channels"]));
    }

    [Fact]
    public async Task A_repeated_answer_to_a_command_is_one_event()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var device = await tenant.EnrollDeviceAsync();
        var deviceId = (await fixture.FindEnrollmentAsync(tenant.Id, device.Udid))!.Id;
        var command = MdmCommands.RestartDevice();
        await fixture.EnqueueAsync(tenant.Id, command, deviceId);
        await device.ConnectAsync("Idle");
        var start = await HeadAsync(client);

        await device.ConnectAsync("Acknowledged", command.CommandUuid);
        await device.ConnectAsync("Acknowledged", command.CommandUuid);
        await device.ConnectAsync("Idle");

        var answered = Assert.Single(await ListAllAsync(client, start));
        Assert.Equal((EventTypes.CommandAcknowledged, command.CommandUuid), (answered.Type, (string?)Data(answered)["command_uuid"]));
    }

    [Fact]
    public async Task ListEvents_pages_by_cursor_without_duplicates_or_gaps_and_filters_by_type()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var start = await HeadAsync(client);
        for (var i = 0; i < 3; i++)
        {
            await tenant.EnrollDeviceAsync();
        }

        var all = await ListAllAsync(client, start, pageSize: 1000);
        var paged = await ListAllAsync(client, start, pageSize: 2);
        var enrolled = await ListAllAsync(client, start, types: [EventTypes.DeviceEnrolled, EventTypes.DeviceEnrolled]);
        var last = await client.Events.ListEventsAsync(new ListEventsRequest { TenantId = client.Tenant, AfterCursor = all[^1].Cursor });

        Assert.Equal(6, all.Count);
        Assert.Equal(all.Select(e => e.Id), paged.Select(e => e.Id));
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(all.Where(e => e.Type == EventTypes.DeviceEnrolled).Select(e => e.Id), enrolled.Select(e => e.Id));
        Assert.Equal(3, enrolled.Count);
        Assert.Empty(last.Events);
        Assert.Equal(all[^1].Cursor, last.NextCursor);
    }

    [Fact]
    public async Task A_filtered_ListEvents_moves_its_cursor_past_the_events_it_examined_even_when_none_matched()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var start = await HeadAsync(client);
        await tenant.EnrollDeviceAsync();
        var all = await ListAllAsync(client, start, pageSize: 1000);

        var nothingMatched = await client.Events.ListEventsAsync(new ListEventsRequest
        {
            TenantId = client.Tenant, AfterCursor = start, PageSize = 1000, Types_ = { EventTypes.PushCertificateExpiring },
        });
        var firstOnly = await client.Events.ListEventsAsync(new ListEventsRequest
        {
            TenantId = client.Tenant, AfterCursor = start, PageSize = all.Count, Types_ = { all[0].Type },
        });

        Assert.True(all.Count > 1);
        Assert.Empty(nothingMatched.Events);
        Assert.Equal(all[^1].Cursor, nothingMatched.NextCursor);
        Assert.Equal(all.Where(e => e.Type == all[0].Type).Select(e => e.Id), firstOnly.Events.Select(e => e.Id));
        Assert.Equal(all[^1].Cursor, firstOnly.NextCursor);
    }

    [Theory]
    [InlineData("device.renamed", "", 0)]
    [InlineData("", "not-a-cursor", 0)]
    [InlineData("", "ZXYxLi0x", 0)]
    [InlineData("", "", -1)]
    public async Task Unknown_types_foreign_cursors_and_negative_page_sizes_are_INVALID_ARGUMENT(string type, string cursor, int pageSize)
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var list = new ListEventsRequest { TenantId = client.Tenant, AfterCursor = cursor, PageSize = pageSize };
        var watch = new WatchEventsRequest { TenantId = client.Tenant, AfterCursor = cursor };
        if (type.Length > 0)
        {
            list.Types_.Add(type);
            watch.Types_.Add(type);
        }

        var listed = await Assert.ThrowsAsync<RpcException>(() => client.Events.ListEventsAsync(list).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, listed.StatusCode);
        if (pageSize == 0)
        {
            using var stream = client.Events.WatchEventsAsync(watch);
            var watched = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(StatusCode.InvalidArgument, watched.StatusCode);
        }
    }

    [Fact]
    public async Task WatchEvents_sends_the_backlog_then_live_events_and_resumes_from_a_cursor_without_gaps_or_duplicates()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var start = await HeadAsync(client);
        await tenant.EnrollDeviceAsync();
        var backlog = await ListAllAsync(client, start);

        var first = new List<Event>();
        using (var cancel = new CancellationTokenSource())
        using (var stream = client.Events.WatchEventsAsync(new WatchEventsRequest { TenantId = client.Tenant, AfterCursor = start }, new CallOptions(CancellationToken: cancel.Token)))
        {
            first.AddRange(await TakeAsync(stream, backlog.Count));
            var live = await tenant.NewDeviceAsync();
            TestDevice.AssertAccepted(await live.CheckInAsync(live.Authenticate()));
            TestDevice.AssertAccepted(await live.CheckInAsync(live.TokenUpdate()));
            first.AddRange(await TakeAsync(stream, 1));
            await cancel.CancelAsync();
        }

        var more = await tenant.NewDeviceAsync();
        TestDevice.AssertAccepted(await more.CheckInAsync(more.Authenticate()));
        TestDevice.AssertAccepted(await more.CheckInAsync(more.TokenUpdate()));
        using var resumed = client.Events.WatchEventsAsync(new WatchEventsRequest { TenantId = client.Tenant, AfterCursor = first[^1].Cursor, Types_ = { EventTypes.DeviceEnrolled } });
        var next = Assert.Single(await TakeAsync(resumed, 1));

        Assert.Equal(backlog.Select(e => e.Id), first.Take(backlog.Count).Select(e => e.Id));
        Assert.Equal(EventTypes.DeviceEnrolled, first[^1].Type);
        Assert.Equal(more.Udid, next.EnrollmentId);
        Assert.Equal(
            (await ListAllAsync(client, start)).Where(e => e.Type == EventTypes.DeviceEnrolled).Select(e => e.Id),
            first.Where(e => e.Type == EventTypes.DeviceEnrolled).Append(next).Select(e => e.Id));
    }

    [Fact]
    public async Task A_caller_with_its_maximum_of_streams_open_is_RESOURCE_EXHAUSTED_until_one_closes_and_other_callers_are_not()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        using var other = await fixture.ClientOfAsync(tenant.Id);
        await tenant.EnrollDeviceAsync();
        var fromOldest = new WatchEventsRequest { TenantId = client.Tenant };
        var open = new List<AsyncServerStreamingCall<Event>>();
        try
        {
            for (var i = 0; i < EventsFixture<TProvider>.MaxStreamsPerCaller; i++)
            {
                open.Add(client.Events.WatchEventsAsync(fromOldest));
                await TakeAsync(open[^1], 1);
            }

            using var oneTooMany = client.Events.WatchEventsAsync(fromOldest);
            var refused = await Assert.ThrowsAsync<RpcException>(() => oneTooMany.ResponseStream.MoveNext(CancellationToken.None));
            using var othersStream = other.Events.WatchEventsAsync(fromOldest);
            await TakeAsync(othersStream, 1);
            open[0].Dispose();
            open.Add((await Eventually.GetAsync<AsyncServerStreamingCall<Event>?>(() => TryWatchAsync(client, fromOldest), stream => stream is not null, "a stream once one closed"))!);

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        }
        finally
        {
            open.ForEach(stream => stream.Dispose());
        }
    }

    [Fact]
    public async Task WatchEvents_ends_with_DEADLINE_EXCEEDED_when_the_deadline_passes()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var head = await HeadAsync(client);

        using var stream = client.Events.WatchEventsAsync(new WatchEventsRequest { TenantId = client.Tenant, AfterCursor = head }, new CallOptions().WithTimeout(TimeSpan.FromMilliseconds(700)));
        var ended = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);
    }

    [Fact]
    public async Task A_stream_ends_when_its_client_is_revoked()
    {
        var tenant = await fixture.SharedTenantAsync();
        using var client = await fixture.ClientOfAsync(tenant.Id);
        var head = await HeadAsync(client);
        using var stream = client.Events.WatchEventsAsync(new WatchEventsRequest { TenantId = client.Tenant, AfterCursor = head });
        var reading = stream.ResponseStream.MoveNext(CancellationToken.None);

        await fixture.InTenantAsync(tenant.Id, async (db, _) =>
        {
            var row = db.ApiClients.Single(c => c.ClientId == client.ClientId);
            row.RevokedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        var ended = await Assert.ThrowsAsync<RpcException>(() => reading.WaitAsync(Eventually.Patience));
        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_s_client_is_refused_and_sees_none_of_the_tenant_s_events()
    {
        var tenant = await fixture.SharedTenantAsync();
        var other = await fixture.OtherTenantAsync();
        using var own = await fixture.ClientOfAsync(tenant.Id);
        using var stranger = await fixture.ClientOfAsync(other.Id);
        await tenant.EnrollDeviceAsync();

        var listed = await Assert.ThrowsAsync<RpcException>(() => stranger.Events.ListEventsAsync(new ListEventsRequest { TenantId = own.Tenant }).ResponseAsync);
        using var stream = stranger.Events.WatchEventsAsync(new WatchEventsRequest { TenantId = own.Tenant });
        var watched = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));
        var ownEvents = await ListAllAsync(own, "");
        var strangersEvents = await ListAllAsync(stranger, "");

        Assert.Equal(StatusCode.PermissionDenied, listed.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, watched.StatusCode);
        Assert.NotEmpty(ownEvents);
        Assert.DoesNotContain(strangersEvents, e => e.TenantId == own.Tenant || ownEvents.Any(o => o.Id == e.Id));
    }

    /// <summary>The cursor after the tenant's newest event, so a test sees only what it causes.</summary>
    private static async Task<string> HeadAsync(TenantClient client)
    {
        var all = await ListAllAsync(client, "", pageSize: 1000);
        return all.Count == 0 ? "" : all[^1].Cursor;
    }

    private static async Task<List<Event>> ListAllAsync(TenantClient client, string after, int pageSize = 0, string[]? types = null)
    {
        var events = new List<Event>();
        while (true)
        {
            var page = await client.Events.ListEventsAsync(new ListEventsRequest { TenantId = client.Tenant, AfterCursor = after, PageSize = pageSize, Types_ = { types ?? [] } });
            events.AddRange(page.Events);
            if (page.NextCursor == after)
            {
                return events;
            }

            after = page.NextCursor;
        }
    }

    /// <summary>A stream that has sent its first event, or null when the caller may not open one more.</summary>
    private static async Task<AsyncServerStreamingCall<Event>?> TryWatchAsync(TenantClient client, WatchEventsRequest request)
    {
        var stream = client.Events.WatchEventsAsync(request);
        try
        {
            await TakeAsync(stream, 1);
            return stream;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            stream.Dispose();
            return null;
        }
    }

    private static async Task<List<Event>> TakeAsync(AsyncServerStreamingCall<Event> stream, int count)
    {
        var taken = new List<Event>();
        using var patience = new CancellationTokenSource(Eventually.Patience);
        while (taken.Count < count && await stream.ResponseStream.MoveNext(patience.Token))
        {
            taken.Add(stream.ResponseStream.Current);
        }

        Assert.Equal(count, taken.Count);
        return taken;
    }

    /// <summary>The types in order, with a status report's events (one report, one event per changed declaration) as one "status".</summary>
    private static List<string> Collapse(IEnumerable<string> types)
    {
        var collapsed = new List<string>();
        foreach (var type in types)
        {
            var name = type is EventTypes.StatusReportReceived or EventTypes.DeclarationStatusChanged ? "status" : type;
            if (type == EventTypes.StatusReportReceived || name != "status")
            {
                collapsed.Add(name);
            }
        }

        return collapsed;
    }

    private static JsonObject Data(Event e) => JsonNode.Parse(e.DataJson)!.AsObject();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
