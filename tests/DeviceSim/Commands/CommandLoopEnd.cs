namespace SaaSMdm.DeviceSim.Commands;

/// <summary>Why a device's command loop stopped.</summary>
public enum CommandLoopEnd
{
    /// <summary>The server answered with an empty body: nothing more is queued for now.</summary>
    Drained,

    /// <summary>The server answered with an HTTP error.</summary>
    ServerRefused,

    /// <summary>The server answered with something that is not a command at all (no CommandUUID to report on).</summary>
    UnreadableCommand,

    /// <summary>The device restarted, shut down or erased itself after reporting.</summary>
    DeviceWentAway,

    /// <summary>The server kept sending commands past <see cref="DeviceBehavior.MaxCommandsPerConnection"/>.</summary>
    TooManyCommands,
}
