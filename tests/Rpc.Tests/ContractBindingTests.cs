using System.Reflection;
using Google.Protobuf.Reflection;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Rpc.Tests;

/// <summary>
/// Every service in protos/ has a server base and a typed client in src/Contracts, and both follow
/// the proto: a proto change the C# code does not follow fails here.
/// </summary>
public sealed class ContractBindingTests
{
    private static readonly Assembly Contracts = typeof(Contracts.V1.Tenants).Assembly;

    public static TheoryData<string> ProtoServices()
    {
        var data = new TheoryData<string>();
        foreach (var service in AllProtoServices())
        {
            data.Add(service.FullName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtoServices))]
    public void Service_base_follows_the_proto(string serviceName)
    {
        var service = AllProtoServices().Single(s => s.FullName == serviceName);
        var bases = ImplementationsOf(typeof(IGrpcService), "Descriptor").Where(t => t.Descriptor == service).ToList();

        var single = Assert.Single(bases);
        Assert.Empty(GrpcServiceBinder.Validate(single.Type, service));
    }

    [Theory]
    [MemberData(nameof(ProtoServices))]
    public void Client_follows_the_proto(string serviceName)
    {
        var service = AllProtoServices().Single(s => s.FullName == serviceName);
        var clients = ImplementationsOf(typeof(IGrpcClient), "Descriptor").Where(t => t.Descriptor == service).ToList();

        var single = Assert.Single(clients);
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(single.Type.TypeHandle);
        Assert.Empty(ClientBinding.Validate(single.Type, service));
    }

    private static IEnumerable<ServiceDescriptor> AllProtoServices() =>
        Contracts.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(FileDescriptor))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .SelectMany(file => file.Services);

    private static IEnumerable<(Type Type, ServiceDescriptor Descriptor)> ImplementationsOf(Type contract, string property) =>
        Contracts.GetTypes()
            .Where(t => contract.IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => (t, (ServiceDescriptor)t.GetInterfaceMap(contract).TargetMethods
                .Single(m => m.Name.EndsWith("get_" + property, StringComparison.Ordinal))
                .Invoke(null, null)!));
}
