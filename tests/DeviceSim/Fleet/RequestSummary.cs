namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>Latencies of one kind of request (or of all), in milliseconds.</summary>
/// <param name="Errors">Requests answered with an HTTP error or not answered at all.</param>
public sealed record RequestSummary(string Kind, int Count, int Errors, double MeanMs, double P50Ms, double P99Ms, double MaxMs);
