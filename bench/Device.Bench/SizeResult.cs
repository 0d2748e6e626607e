namespace SaaSMdm.Device.Bench;

/// <summary>The figures of one fleet size.</summary>
/// <param name="Enqueue">Wall time of the one EnqueueCommand call that queued DeviceInformation for every device.</param>
/// <param name="CommandResults">Answers stored in command_results, counted through ListDeviceCommands.</param>
internal sealed record SizeResult(
    int Devices,
    StepResult Enrollment,
    StepResult Idle,
    TimeSpan Enqueue,
    StepResult Commands,
    ProcessMemory Core,
    ProcessMemory Edge,
    int CommandResults,
    DeclarativeResult Declarative)
{
    public double DevicesPerSecond => Enrollment.Report.Succeeded / Enrollment.Report.Requests.Elapsed.TotalSeconds;

    public double RoundTripsPerSecond => Commands.Report.CommandsAnswered / Commands.Report.Requests.Elapsed.TotalSeconds;
}
