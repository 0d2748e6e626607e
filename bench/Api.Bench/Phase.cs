using System.Diagnostics;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Rpc;

namespace SaaSMdm.Api.Bench;

/// <summary>A workload's calls made by <paramref name="Callers"/> callers back to back until its budget is spent, each call timed.</summary>
internal sealed record Phase(Workload Workload, int Callers)
{
    /// <summary>Runs the phase, reading Core's processor time before and after.</summary>
    public async Task<PhaseResult> RunAsync(int coreProcessId)
    {
        var allowance = Workload.Budget.Start();
        var cpuBefore = ProcessorTimes.Read(coreProcessId);
        var started = Stopwatch.GetTimestamp();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(() => CallerAsync(caller, allowance))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = ProcessorTimes.Read(coreProcessId).Since(cpuBefore);
        var latencies = outcomes.SelectMany(outcome => outcome.Latencies).Order().ToArray();
        return new PhaseResult(
            this,
            latencies.Length,
            outcomes.Sum(outcome => outcome.Errors),
            outcomes.Select(outcome => outcome.FirstError).FirstOrDefault(error => error is not null),
            elapsed,
            Latencies.PercentileMs(latencies, 0.50),
            Latencies.PercentileMs(latencies, 0.99),
            cpu);
    }

    private async Task<CallerOutcome> CallerAsync(int caller, PhaseBudget.Allowance allowance)
    {
        var outcome = new CallerOutcome();
        while (allowance.TakeTurn())
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await Workload.Call(caller);
                outcome.Latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            catch (Exception e) when (e is RpcException or TokenEndpointException)
            {
                outcome.Errors++;
                outcome.FirstError ??= e.Message;
            }
        }

        return outcome;
    }

    private sealed class CallerOutcome
    {
        public List<long> Latencies { get; } = [];

        public int Errors { get; set; }

        public string? FirstError { get; set; }
    }
}
