using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>The device grid's and the dashboard's calls to Core's public API, with a tenant client's token.</summary>
internal static class GrpcCases
{
    public static async Task<IReadOnlyList<BenchCase>> OfAsync(GrpcChannel channel, string tenantId, int pageSize)
    {
        var devices = new Devices.DevicesClient(channel.CreateCallInvoker());
        var total = (await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId, PageSize = 1 })).TotalSize;
        var cases = new List<BenchCase>();
        foreach (var order in Enum.GetValues<DeviceOrder>())
        {
            var name = order.ToString();
            cases.Add(List($"{name} first page", new ListDevicesRequest { OrderBy = order }));
            cases.Add(List($"{name} first page, descending", new ListDevicesRequest { OrderBy = order, Descending = true }));
            cases.Add(List($"{name} middle page (skip)", new ListDevicesRequest { OrderBy = order, Skip = total / 2 }));
            cases.Add(List($"{name} last page (skip)", new ListDevicesRequest { OrderBy = order, Skip = Math.Max(0, total - pageSize) }));
        }

        var second = (await devices.ListDevicesAsync(new ListDevicesRequest { TenantId = tenantId, PageSize = pageSize, OrderBy = DeviceOrder.DeviceName })).NextPageToken;
        cases.Add(List("DeviceName next page (token)", new ListDevicesRequest { OrderBy = DeviceOrder.DeviceName, PageToken = second }));
        cases.Add(List("search \"anna\"", new ListDevicesRequest { Query = "anna" }));
        cases.Add(List("search \"anna\", DeviceName", new ListDevicesRequest { Query = "anna", OrderBy = DeviceOrder.DeviceName }));
        cases.Add(List("search for no device", new ListDevicesRequest { Query = "no such device" }));
        cases.Add(List("platform macOS", new ListDevicesRequest { Platform = Platform.Macos }));
        cases.Add(List("platform visionOS, LastSeenTime", new ListDevicesRequest { Platform = Platform.Visionos, OrderBy = DeviceOrder.LastSeenTime }));
        cases.Add(List("platform iOS, OS 17, middle page", new ListDevicesRequest { Platform = Platform.Ios, OsVersion = "17", Skip = total / 8 }));
        cases.Add(new BenchCase("GetFleetSummary", "whole tenant", async cancellationToken =>
        {
            var summary = await devices.GetFleetSummaryAsync(new GetFleetSummaryRequest { TenantId = tenantId }, new CallOptions(CancellationToken: cancellationToken));
            return summary.TotalDevices;
        }));
        return cases;

        BenchCase List(string name, ListDevicesRequest request)
        {
            request.TenantId = tenantId;
            request.PageSize = pageSize;
            return new BenchCase("ListDevices", name, async cancellationToken =>
                (await devices.ListDevicesAsync(request, new CallOptions(CancellationToken: cancellationToken))).Devices.Count);
        }
    }
}
