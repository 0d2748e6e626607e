namespace SaaSMdm.DeviceSim.Transport;

/// <summary>One HTTP request a device made, for latency and throughput statistics.</summary>
/// <param name="Kind">What it was: <c>enroll</c>, <c>scep:PKIOperation</c>, <c>checkin:Authenticate</c>, <c>connect</c>, ...</param>
/// <param name="StatusCode">The HTTP status, or null when no response came (connection failure, timeout).</param>
public sealed record DeviceRequest(string Kind, TimeSpan Elapsed, int? StatusCode)
{
    /// <summary>Answered with a status below 400; 410 to UserAuthenticate is Apple's way of declining and counts as an error here too.</summary>
    public bool Succeeded => StatusCode is < 400;
}
