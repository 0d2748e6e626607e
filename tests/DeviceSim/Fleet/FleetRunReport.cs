namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>The outcome of one step run across a fleet.</summary>
/// <param name="Step">What the devices did: <c>enroll</c> or <c>command loop</c>.</param>
/// <param name="Devices">How many devices took part.</param>
/// <param name="CommandsAnswered">Commands the devices answered during the step.</param>
public sealed record FleetRunReport(string Step, int Devices, IReadOnlyList<DeviceFailure> Failures, int CommandsAnswered, FleetStatistics Requests)
{
    public int Succeeded => Devices - Failures.Count;
}
