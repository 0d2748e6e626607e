using Google.Protobuf.Reflection;

namespace SaaSMdm.Rpc.Client;

/// <summary>A typed client of one proto service; checked against <see cref="Descriptor"/> by <see cref="ClientBinding"/>.</summary>
public interface IGrpcClient
{
    static abstract ServiceDescriptor Descriptor { get; }
}
