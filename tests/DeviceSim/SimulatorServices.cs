using Microsoft.Extensions.Logging;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim;

/// <summary>What a simulated device borrows from whoever runs it; the owner disposes these.</summary>
public sealed record SimulatorServices
{
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Sees every request, for fleet statistics.</summary>
    public IDeviceRequestObserver? RequestObserver { get; init; }

    /// <summary>
    /// Carries the requests that need no client certificate, so that many devices share connections (see
    /// <see cref="DeviceHttpHandlers.CreateShared"/>); each device opens its own connections when null.
    /// </summary>
    public HttpMessageHandler? SharedHandler { get; init; }
}
