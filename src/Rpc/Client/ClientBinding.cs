using System.Reflection;
using Google.Protobuf.Reflection;

namespace SaaSMdm.Rpc.Client;

/// <summary>
/// Checks a typed client against its proto service: one <c>{Rpc}Async(TRequest, CallOptions)</c> per RPC,
/// returning the call type that the RPC's kind demands, and nothing that looks like an RPC the proto lacks.
/// </summary>
public static class ClientBinding
{
    public static IReadOnlyList<string> Validate<TClient>() where TClient : IGrpcClient =>
        Validate(typeof(TClient), TClient.Descriptor);

    public static IReadOnlyList<string> Validate(Type clientType, ServiceDescriptor service)
    {
        var problems = new List<string>();
        var calls = clientType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType.IsGenericType && IsCallType(m.ReturnType.GetGenericTypeDefinition()))
            .ToList();

        foreach (var rpc in service.Methods)
        {
            var name = rpc.Name + "Async";
            var expectedReturn = MethodDescriptors.TypeOf(rpc) switch
            {
                MethodType.Unary => typeof(AsyncUnaryCall<>).MakeGenericType(rpc.OutputType.ClrType),
                MethodType.ServerStreaming => typeof(AsyncServerStreamingCall<>).MakeGenericType(rpc.OutputType.ClrType),
                _ => null,
            };
            if (expectedReturn is null)
            {
                problems.Add($"RPC {rpc.Name} is {MethodDescriptors.TypeOf(rpc)}; only unary and server-streaming calls are supported.");
                continue;
            }

            var matching = calls.Where(m => m.Name == name).ToList();
            var fits = matching.Any(m => m.ReturnType == expectedReturn
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([rpc.InputType.ClrType, typeof(CallOptions)]));
            if (!fits)
            {
                problems.Add($"{clientType.Name} needs {expectedReturn.Name.Split('`')[0]}<{rpc.OutputType.ClrType.Name}> {name}({rpc.InputType.ClrType.Name}, CallOptions) for RPC {rpc.Name}.");
            }
        }

        foreach (var extra in calls.Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal) || service.FindMethodByName(m.Name[..^"Async".Length]) is null))
        {
            problems.Add($"{clientType.Name}.{extra.Name} starts a call but {service.FullName} has no such RPC.");
        }

        return problems;
    }

    private static bool IsCallType(Type definition) =>
        definition == typeof(AsyncUnaryCall<>) || definition == typeof(AsyncServerStreamingCall<>);
}
