using Grpc.Health.V1;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Edge.Health;

/// <summary>
/// Edge is ready when Core serves the device gateway. The answer is reused for a moment so that a
/// load balancer probing every replica often does not turn into a stream of calls to Core.
/// </summary>
public sealed class CoreReadiness(Grpc.Health.V1.Health.HealthClient health, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private (DateTimeOffset At, ReadinessResult Result)? _last;

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } justProbed)
            {
                return justProbed;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _probe.Release();
        }
    }

    private ReadinessResult? Fresh() => _last is { } last && clock.GetUtcNow() - last.At < CacheFor ? last.Result : null;

    private async Task<ReadinessResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await health.CheckAsync(
                new HealthCheckRequest { Service = DeviceGateway.Descriptor.FullName },
                new CallOptions(CancellationToken: cancellationToken).WithTimeout(ProbeTimeout));
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? new ReadinessResult(true, "ready")
                : new ReadinessResult(false, $"core reports {reply.Status}");
        }
        catch (RpcException ex)
        {
            return new ReadinessResult(false, $"core unreachable: {ex.StatusCode}");
        }
    }
}

public sealed record ReadinessResult(bool Ready, string Reason);
