using System.Net;
using System.Text.RegularExpressions;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Portal.Tests.Devices;

/// <summary>The device grid: the query string's filters, sorting and paging decide the rows; bulk actions queue for the selection.</summary>
[Collection(DevicePagesCollection.Name)]
public sealed partial class DeviceGridTests(DevicePortalFixture fixture)
{
    [Fact]
    public async Task Search_os_model_and_last_check_in_filters_select_the_rows()
    {
        var devices = await fixture.SeedDevicesAsync("filtered", 8, (device, i) =>
        {
            device.OsVersion = i % 2 == 0 ? "17.4.1" : "16.7";
            device.Model = i < 4 ? "iPhone15,2" : "Mac14,2";
            device.ModelName = i < 4 ? "iPhone" : "MacBook Air";
            device.LastSeenAt = i == 7 ? null : DateTime.UtcNow.AddDays(-i * 5).AddHours(-1);
        });

        Assert.Equal(Ids(devices), await RowsAsync("?q=filtered"));
        Assert.Equal(Ids(devices.Where((_, i) => i % 2 == 0)), await RowsAsync("?q=filtered&os=17"));
        Assert.Equal(Ids(devices.Skip(4)), await RowsAsync("?q=filtered&model=Mac14,2"));
        // Seen 1 hour, 5, 10, 15, 20, 25 and 30 days ago, and never.
        Assert.Equal(Ids(devices.Take(1)), await RowsAsync("?q=filtered&seen=1d"));
        Assert.Equal(Ids(devices.Skip(1).Take(1)), await RowsAsync("?q=filtered&seen=1-7d"));
        Assert.Equal(Ids(devices.Skip(2).Take(4)), await RowsAsync("?q=filtered&seen=7d"));
        Assert.Equal(Ids(devices.Skip(6).Take(1)), await RowsAsync("?q=filtered&seen=30d"));
        Assert.Equal(Ids(devices.Skip(6).Take(1)), await RowsAsync("?q=filtered&seen=30d%2B"));
        Assert.Equal(Ids(devices.Skip(7)), await RowsAsync("?q=filtered&seen=never"));
        Assert.Equal(Ids([devices[3]]), await RowsAsync("?q=FILTERED%203"));
        Assert.Contains("No devices match these filters.", (await fixture.ReadOnly.GetAsync(fixture.DevicesPath + "?q=nothing-matches-this")).Html);
    }

    [Fact]
    public async Task Platform_filter_selects_the_platforms_devices()
    {
        var devices = await fixture.SeedDevicesAsync("platformed", 4, (device, i) => device.Platform = i % 2 == 0 ? DevicePlatform.MacOS : DevicePlatform.IPadOS);

        var html = (await fixture.ReadOnly.GetAsync(fixture.DevicesPath + "?q=platformed&platform=macos")).Html;

        Assert.Equal(Ids(devices.Where((_, i) => i % 2 == 0)), await RowsAsync("?q=platformed&platform=macos"));
        Assert.Equal(Ids(devices.Where((_, i) => i % 2 == 1)), await RowsAsync("?q=platformed&platform=ipados"));
        Assert.Contains("<option value=\"macos\" selected", html);
        Assert.Contains("<td>macOS</td>", html);
    }

    [Theory]
    [InlineData("name", "asc", new[] { 1, 3, 0, 2 })]
    [InlineData("name", "desc", new[] { 2, 0, 3, 1 })]
    [InlineData("os", "asc", new[] { 2, 1, 3, 0 })]
    [InlineData("seen", "desc", new[] { 3, 2, 1, 0 })]
    [InlineData("seen", "asc", new[] { 0, 1, 2, 3 })]
    [InlineData("enrolled", "desc", new[] { 3, 2, 1, 0 })]
    public async Task Column_sorting_orders_the_rows_and_marks_the_header(string sort, string dir, int[] order)
    {
        string[] names = ["charlie", "alpha", "delta", "bravo"];
        string[] versions = ["17.4", "16.1", "15.0", "16.7"];
        var prefix = $"sorted-{sort}-{dir}";
        var devices = await fixture.SeedDevicesAsync(prefix, 4, (device, i) =>
        {
            device.DeviceName = $"{prefix} {names[i]}";
            device.OsVersion = versions[i];
            device.LastSeenAt = DateTime.UtcNow.AddHours(-10 + i);
        });

        var rows = await RowsAsync($"?q={prefix}&sort={sort}&dir={dir}");
        var html = (await fixture.ReadOnly.GetAsync(fixture.DevicesPath + $"?q={prefix}&sort={sort}&dir={dir}")).Html;

        Assert.Equal(order.Select(i => devices[i].Id.ToString()), rows);
        Assert.Contains($"aria-sort=\"{(dir == "asc" ? "ascending" : "descending")}\" data-sort=\"{sort}\"", html);
    }

    [Fact]
    public async Task Pages_are_numbered_with_the_total_and_each_shows_its_rows()
    {
        var devices = await fixture.SeedDevicesAsync("paged", 30);
        var newestFirst = Ids(devices);

        var first = (await fixture.ReadOnly.GetAsync(fixture.DevicesPath + "?q=paged&size=25")).Html;
        var second = await RowsAsync("?q=paged&size=25&page=2");
        var beyond = await RowsAsync("?q=paged&size=25&page=9");

        Assert.Contains("data-total=\"30\">30 devices<", first);
        Assert.Equal(newestFirst.Take(25), DeviceRow().Matches(first).Select(m => m.Groups[1].Value));
        Assert.Contains("<span aria-current=\"page\" data-page=\"1\">1</span>", first);
        Assert.Contains($"href=\"{fixture.DevicesPath}?q=paged&amp;page=2&amp;size=25\" aria-label=\"Page 2\"", first);
        Assert.Equal(newestFirst.Skip(25), second);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task Rows_link_to_the_detail_page_and_show_the_device()
    {
        var device = (await fixture.SeedDevicesAsync("linked", 1))[0];

        var html = (await fixture.ReadOnly.GetAsync(fixture.DevicesPath + "?q=linked")).Html;

        Assert.Contains($"href=\"{fixture.DevicesPath}/{device.Id}\">linked 0</a>", html);
        Assert.Contains(device.SerialNumber!, html);
        Assert.Contains("aria-sort=\"descending\" data-sort=\"enrolled\"", html);
    }

    [Fact]
    public async Task Unknown_query_values_fall_back_to_defaults()
    {
        var (status, html) = await fixture.ReadOnly.GetAsync(fixture.DevicesPath + "?sort=nonsense&dir=sideways&page=-3&size=7&seen=yesterday");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("aria-sort=\"descending\" data-sort=\"enrolled\"", html);
    }

    [Fact]
    public async Task Read_only_sees_no_checkboxes_or_bulk_form()
    {
        await fixture.SeedDevicesAsync("unselectable", 1);

        var html = (await fixture.ReadOnly.GetAsync(fixture.DevicesPath + "?q=unselectable")).Html;

        Assert.DoesNotContain("type=\"checkbox\"", html);
        Assert.DoesNotContain("data-form=\"bulk-action\"", html);
    }

    [Fact]
    public async Task Bulk_lock_queues_for_exactly_the_selected_devices()
    {
        var devices = await fixture.SeedDevicesAsync("bulk-locked", 5);
        var selected = new[] { devices[0], devices[2], devices[4] };
        var path = fixture.DevicesPath + "?q=bulk-locked";

        var response = await PostBulkAsync(fixture.HelpDesk, path, "lock", selected, new() { ["Bulk.LockMessage"] = "Lost" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await fixture.HelpDesk.GetAsync(response.Headers.Location!.ToString());
        Assert.Contains("Queued Lock for 3 devices.", page);
        foreach (var device in devices)
        {
            var expected = selected.Contains(device) ? new[] { "DeviceLock" } : [];
            Assert.Equal(expected, (await fixture.CommandsOfAsync(device)).Select(c => c.RequestType));
        }
    }

    [Fact]
    public async Task Bulk_erase_needs_the_typed_confirmation_and_help_desk_is_refused_by_Core()
    {
        var devices = await fixture.SeedDevicesAsync("bulk-erased", 2);
        var path = fixture.DevicesPath + "?q=bulk-erased";

        var unconfirmed = await PostBulkAsync(fixture.Admin, path, "erase", devices, new() { ["Bulk.EraseConfirmation"] = "erase" });
        var helpDesk = await PostBulkAsync(fixture.HelpDesk, path, "erase", devices, new() { ["Bulk.EraseConfirmation"] = "ERASE" });

        Assert.Contains("Nothing was erased", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("Your role in this tenant does not allow this.", await helpDesk.Content.ReadAsStringAsync());
        Assert.All(devices, device => Assert.Empty(fixture.CommandsOfAsync(device).GetAwaiter().GetResult()));

        var confirmed = await PostBulkAsync(fixture.Admin, path, "erase", devices, new() { ["Bulk.EraseConfirmation"] = "ERASE" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.All(devices, device => Assert.Equal(["EraseDevice"], fixture.CommandsOfAsync(device).GetAwaiter().GetResult().Select(c => c.RequestType)));
    }

    [Fact]
    public async Task Bulk_action_with_another_tenants_device_queues_nothing()
    {
        var own = (await fixture.SeedDevicesAsync("bulk-mixed", 1))[0];
        var foreign = (await fixture.SeedDevicesAsync("bulk-mixed", 1, tenantId: fixture.OtherTenant.Id))[0];

        var response = await PostBulkAsync(fixture.Admin, fixture.DevicesPath + "?q=bulk-mixed", "restart", [own, foreign]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-refusal", await response.Content.ReadAsStringAsync());
        Assert.Empty(await fixture.CommandsOfAsync(own));
        Assert.Empty(await fixture.CommandsOfAsync(foreign, fixture.OtherTenant.Id));
    }

    private async Task<List<string>> RowsAsync(string query)
    {
        var (status, html) = await fixture.ReadOnly.GetAsync(fixture.DevicesPath + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. DeviceRow().Matches(html).Select(m => m.Groups[1].Value)];
    }

    /// <summary>Newest enrollment first, as the grid lists by default.</summary>
    private static List<string> Ids(IEnumerable<EnrollmentEntity> devices) =>
        [.. devices.OrderByDescending(d => d.AuthenticatedAt).Select(d => d.Id.ToString())];

    private static async Task<HttpResponseMessage> PostBulkAsync(
        PortalHttpSession session, string path, string action, IEnumerable<EnrollmentEntity> devices, Dictionary<string, string>? fields = null)
    {
        var page = (await session.GetAsync(path)).Html;
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", "bulk-action"),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new("Bulk.Action", action),
        };
        form.AddRange(devices.Select(d => new KeyValuePair<string, string>("device", d.Id.ToString())));
        form.AddRange(fields ?? []);
        return await session.Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<tr data-device=\"([^\"]+)\"")]
    private static partial Regex DeviceRow();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
