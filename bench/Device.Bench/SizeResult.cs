using SaaSMdm.DeviceSim.Fleet;

namespace SaaSMdm.Device.Bench;

/// <summary>The figures of one fleet size.</summary>
/// <param name="Enqueue">Wall time of the one EnqueueCommand call that queued DeviceInformation for every device.</param>
/// <param name="CommandResults">Answers stored in command_results, counted through ListDeviceCommands.</param>
internal sealed record SizeResult(
    int Devices,
    FleetRunReport Enrollment,
    FleetRunReport Idle,
    TimeSpan Enqueue,
    FleetRunReport Commands,
    ProcessMemory Core,
    ProcessMemory Edge,
    int CommandResults)
{
    public double DevicesPerSecond => Enrollment.Succeeded / Enrollment.Requests.Elapsed.TotalSeconds;

    public double RoundTripsPerSecond => Commands.CommandsAnswered / Commands.Requests.Elapsed.TotalSeconds;
}
