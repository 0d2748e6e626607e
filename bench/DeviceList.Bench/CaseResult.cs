namespace SaaSMdm.DeviceList.Bench;

internal sealed record CaseResult(BenchCase Case, int Calls, int Items, double CallsPerSecond, double P50Ms, double P95Ms, double P99Ms);
