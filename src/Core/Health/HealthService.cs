using Grpc.Health.V1;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SaaSMdm.Core.Health;

/// <summary>
/// The standard gRPC health service. The server as a whole ("") and each of its services serve
/// while the database answers.
/// </summary>
public sealed class HealthService(DatabaseHealth database, HealthServiceNames names) : Grpc.Health.V1.Health.HealthBase
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!names.IsKnown(request.Service))
        {
            throw new NotFoundException($"Unknown service '{request.Service}'.");
        }

        return new HealthCheckResponse { Status = await CurrentAsync(context.CancellationToken) };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        if (!names.IsKnown(request.Service))
        {
            await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.ServiceUnknown });
            return;
        }

        ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var status = await CurrentAsync(context.CancellationToken);
            if (status != last)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
                last = status;
            }

            await Task.Delay(WatchInterval, context.CancellationToken);
        }
    }

    private async Task<ServingStatus> CurrentAsync(CancellationToken cancellationToken) =>
        await database.IsServingAsync(cancellationToken) ? ServingStatus.Serving : ServingStatus.NotServing;
}

/// <summary>The service names the health service answers for: "" and every mapped gRPC service.</summary>
public sealed class HealthServiceNames(IEnumerable<string> services)
{
    private readonly HashSet<string> _services = new(services.Append(""), StringComparer.Ordinal);

    public bool IsKnown(string service) => _services.Contains(service);
}
