namespace SaaSMdm.Rpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by handlers to choose the status a caller sees,
/// and by clients when a call fails.
/// </summary>
public class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata())
    {
    }

    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, status.Detail)
    {
    }

    public RpcException(Status status, Metadata trailers, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }

    public override string Message => $"Status(StatusCode=\"{Status.StatusCode}\", Detail=\"{Status.Detail}\")";
}
