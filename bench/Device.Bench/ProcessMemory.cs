using System.Globalization;

namespace SaaSMdm.Device.Bench;

/// <summary>A process's resident memory as Linux reports it in <c>/proc/PID/status</c>.</summary>
/// <param name="PeakBytes">VmHWM: the most resident memory the process ever had.</param>
/// <param name="CurrentBytes">VmRSS: resident memory now.</param>
internal sealed record ProcessMemory(long PeakBytes, long CurrentBytes)
{
    public static ProcessMemory Read(int processId)
    {
        var fields = File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        return new ProcessMemory(Kilobytes(fields, "VmHWM") * 1024, Kilobytes(fields, "VmRSS") * 1024);
    }

    private static long Kilobytes(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.EndsWith(" kB", StringComparison.Ordinal)
            ? long.Parse(value[..^3], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"/proc status has no {name} in kB.");
}
