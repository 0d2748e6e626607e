namespace SaaSMdm.Rpc.Server;

/// <summary>The services mapped on this host, so unknown paths can be told apart: no such service, or no such method.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    public bool FallbackMapped { get; set; }

    public void Add(string serviceFullName)
    {
        if (!_services.Add(serviceFullName))
        {
            throw new InvalidOperationException($"gRPC service {serviceFullName} is mapped twice.");
        }
    }

    public bool Contains(string serviceFullName) => _services.Contains(serviceFullName);
}
