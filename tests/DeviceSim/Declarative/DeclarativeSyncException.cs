namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>The server's DDM answers broke the protocol (unreadable JSON, a declaration other than the one asked for).</summary>
public sealed class DeclarativeSyncException : Exception
{
    public DeclarativeSyncException(string message)
        : base(message)
    {
    }

    public DeclarativeSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
