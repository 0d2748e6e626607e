namespace SaaSMdm.DeviceList.Bench;

/// <summary>
/// One thing the bench times: a call a page of the portal makes (through gRPC now; an HTTP case for the portal's own
/// pages fits the same shape).
/// </summary>
/// <param name="Group">What the case belongs to, e.g. the RPC or the page.</param>
/// <param name="Name">Which variant, as the table shows it.</param>
/// <param name="Call">Makes one call and returns how many items it got back, so a case that silently returns nothing shows.</param>
internal sealed record BenchCase(string Group, string Name, Func<CancellationToken, Task<int>> Call);
