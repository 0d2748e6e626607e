using SaaSMdm.DeviceSim.Fleet;

namespace SaaSMdm.Device.Bench;

/// <summary>A fleet step's report with the processor time each process spent on it.</summary>
internal sealed record StepResult(FleetRunReport Report, CpuTimes Cpu)
{
    public RequestSummary Requests => Report.Requests.Total;

    public string CpuPerRequest => Cpu.PerRequest(Requests.Count);
}
