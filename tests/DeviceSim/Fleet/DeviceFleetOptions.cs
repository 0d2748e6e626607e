namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>How many devices a fleet has, how they are made, and how many act at once.</summary>
public sealed record DeviceFleetOptions
{
    public required int Count { get; init; }

    /// <summary>The options of the device at an index (0 to Count - 1).</summary>
    public required Func<int, SimulatedDeviceOptions> DeviceOptions { get; init; }

    /// <summary>Devices acting at the same moment; the rest wait their turn.</summary>
    public int MaxParallelism { get; init; } = 16;

    /// <summary>
    /// Send requests without a client certificate over one shared connection pool instead of a pool per device:
    /// measures the server rather than TLS handshakes. Every device must then trust the roots of device 0.
    /// </summary>
    public bool ShareConnections { get; init; }
}
