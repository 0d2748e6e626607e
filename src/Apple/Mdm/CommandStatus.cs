namespace SaaSMdm.Apple.Mdm;

/// <summary>The <c>Status</c> of a device's report on the command channel.</summary>
public enum CommandStatus
{
    /// <summary>No result; the device asks for the next command.</summary>
    Idle,

    /// <summary>The command ran; result keys sit beside Status.</summary>
    Acknowledged,

    /// <summary>The command failed; see the ErrorChain.</summary>
    Error,

    /// <summary>The device could not parse the command.</summary>
    CommandFormatError,

    /// <summary>The device cannot run the command now (locked, busy); send it again later.</summary>
    NotNow,
}
