using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>A column the grid sorts by: its query-string name, Core's order, and whether that order is newest first by nature.</summary>
public sealed record DeviceSortColumn(string Name, string Label, DeviceOrder Order, bool NewestFirst);

/// <summary>
/// The device grid's state, all of it in the query string (q, platform, os, model, seen, sort, dir, page, size), so that every
/// view is a link. Values that are not understood fall back to the defaults instead of failing the page.
/// </summary>
public sealed record DeviceGridQuery
{
    public static readonly int[] PageSizes = [25, 50, 100];

    public static readonly DeviceSortColumn[] SortColumns =
    [
        new("name", "Name", DeviceOrder.DeviceName, false),
        new("serial", "Serial number", DeviceOrder.SerialNumber, false),
        new("model", "Model", DeviceOrder.Model, false),
        new("os", "OS", DeviceOrder.OsVersion, false),
        new("seen", "Last check-in", DeviceOrder.LastSeenTime, true),
        new("enrolled", "Enrolled (UTC)", DeviceOrder.EnrolledTime, true),
    ];

    /// <summary>
    /// Last check-in ranges, the dashboard's buckets: within a day, 1 to 7 days ago, 7 to 30 days ago, over 30 days ago
    /// ("30d+" is read as "30d"), never.
    /// </summary>
    public static readonly (string Value, string Label)[] SeenRanges =
        [("1d", "Within a day"), ("1-7d", "1 to 7 days ago"), ("7d", "7 to 30 days ago"), ("30d", "Over 30 days ago"), ("never", "Never")];

    private const int MaxTextLength = 256;

    /// <summary>ListDevices skips at most a million devices.</summary>
    private const int MaxSkip = 1_000_000;

    public string Search { get; init; } = "";

    public Platform Platform { get; init; }

    public string Os { get; init; } = "";

    public string Model { get; init; } = "";

    public string Seen { get; init; } = "";

    public string Sort { get; init; } = "enrolled";

    /// <summary>"asc" or "desc" as a person reads the column: for times, "desc" is newest first.</summary>
    public string Dir { get; init; } = "desc";

    public int Page { get; init; } = 1;

    public int Size { get; init; } = 50;

    public DeviceSortColumn SortColumn => SortColumns.First(c => c.Name == Sort);

    public static DeviceGridQuery From(string? q, string? platform, string? os, string? model, string? seen, string? sort, string? dir, string? page, string? size)
    {
        var column = SortColumns.FirstOrDefault(c => c.Name == sort) ?? SortColumns[^1];
        var query = new DeviceGridQuery
        {
            Search = Text(q),
            Platform = PlatformNames.Parse(platform),
            Os = Text(os),
            Model = Text(model),
            Seen = seen == "30d+" ? "30d" : SeenRanges.Any(r => r.Value == seen) ? seen! : "",
            Sort = column.Name,
            Dir = dir is "asc" or "desc" ? dir : column.NewestFirst ? "desc" : "asc",
            Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1,
            Size = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && PageSizes.Contains(rows) ? rows : 50,
        };
        return query with { Page = Math.Min(query.Page, query.MaxPage) };
    }

    public bool IsFiltered => Search.Length + Os.Length + Model.Length + Seen.Length > 0 || Platform != Platform.Unspecified;

    /// <summary>The last page any grid can reach with ListDevices' skip.</summary>
    public int MaxPage => MaxSkip / Size + 1;

    /// <summary>The ListDevices request of this view: its page as rows to skip, so any page is one call.</summary>
    public ListDevicesRequest ToRequest(string tenantId, DateTimeOffset now)
    {
        var column = SortColumn;
        var request = new ListDevicesRequest
        {
            TenantId = tenantId,
            PageSize = Size,
            Skip = (Page - 1) * Size,
            Query = Search,
            Platform = Platform,
            OsVersion = Os,
            Model = Model,
            OrderBy = column.Order,
            // Core's times come newest first and its text A to Z unless descending.
            Descending = column.NewestFirst ? Dir == "asc" : Dir == "desc",
            NeverSeen = Seen == "never",
        };
        (DateTimeOffset? After, DateTimeOffset? Before) seen = Seen switch
        {
            "1d" => (now.AddDays(-1), null),
            "1-7d" => (now.AddDays(-7), now.AddDays(-1)),
            "7d" => (now.AddDays(-30), now.AddDays(-7)),
            "30d" => (null, now.AddDays(-30)),
            _ => (null, null),
        };
        request.LastSeenAfter = seen.After is { } after ? Timestamp.FromDateTimeOffset(after) : null;
        request.LastSeenBefore = seen.Before is { } before ? Timestamp.FromDateTimeOffset(before) : null;
        return request;
    }

    /// <summary>The grid's address for this view: only values other than the defaults, so links stay short.</summary>
    public string Url(string path)
    {
        var parts = new List<string>();
        Add(parts, "q", Search);
        Add(parts, "platform", PlatformNames.QueryValue(Platform));
        Add(parts, "os", Os);
        Add(parts, "model", Model);
        Add(parts, "seen", Seen);
        if (Sort != "enrolled" || Dir != "desc")
        {
            Add(parts, "sort", Sort);
            Add(parts, "dir", Dir);
        }

        Add(parts, "page", Page == 1 ? "" : Page.ToString(CultureInfo.InvariantCulture));
        Add(parts, "size", Size == 50 ? "" : Size.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    /// <summary>This view sorted by <paramref name="column"/>: the other direction when it is sorted by it already, from the first page.</summary>
    public DeviceGridQuery SortedBy(DeviceSortColumn column) => this with
    {
        Sort = column.Name,
        Dir = Sort == column.Name ? (Dir == "asc" ? "desc" : "asc") : column.NewestFirst ? "desc" : "asc",
        Page = 1,
    };

    public DeviceGridQuery OnPage(int page) => this with { Page = page };

    /// <summary>aria-sort of a column header.</summary>
    public string AriaSort(DeviceSortColumn column) => Sort != column.Name ? "none" : Dir == "asc" ? "ascending" : "descending";

    private static string Text(string? value) => value?.Trim() is { Length: > 0 and <= MaxTextLength } text ? text : "";

    private static void Add(List<string> parts, string name, string value)
    {
        if (value.Length > 0)
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
