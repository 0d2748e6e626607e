using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Server;

/// <summary>Server settings for every mapped gRPC service (section <c>Grpc</c> where a host binds them).</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>Largest request message accepted, in bytes; larger ones get RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent, in bytes; null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Put exception types and messages in INTERNAL statuses. For development only: it leaks internals.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Compress responses with gzip when the caller accepts it.</summary>
    public bool CompressResponses { get; set; }

    public InterceptorCollection Interceptors { get; } = new();
}
