using System.Text.RegularExpressions;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Core.Tests.Samples;

/// <summary>What a sample run must have printed, checked against what the API really holds afterwards.</summary>
public static partial class SampleOutput
{
    /// <summary>It got a token, saw the tenant's one device and queued a DeviceInformation command that is queued indeed.</summary>
    public static async Task AssertRanAsync(SampleTenant tenant, string output, GrpcChannel operatorChannel)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith("token ok", StringComparison.Ordinal));
        Assert.Contains("devices 1", lines);
        Assert.Contains(lines, line => line.StartsWith($"device {tenant.DeviceId} ", StringComparison.Ordinal));
        var match = EnqueuedLine().Match(Assert.Single(lines, line => line.StartsWith("enqueued ", StringComparison.Ordinal)));
        Assert.True(match.Success, output);
        // Until Core serves WatchEvents the samples say so; once it does, the watch ends when its time is up.
        Assert.Contains(lines, line => line.StartsWith("events unavailable", StringComparison.Ordinal) || line.StartsWith("events done", StringComparison.Ordinal));

        var queued = Assert.Single(await tenant.CommandsAsync(operatorChannel));
        Assert.Equal(match.Groups["uuid"].Value, queued.CommandUuid);
        Assert.Equal("DeviceInformation", queued.RequestType);
        Assert.Equal(CommandState.Queued, queued.State);
    }

    [GeneratedRegex("^enqueued (?<uuid>[0-9A-Fa-f-]{36}) DeviceInformation devices=1$")]
    private static partial Regex EnqueuedLine();
}
