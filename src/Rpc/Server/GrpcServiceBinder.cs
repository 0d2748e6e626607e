using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SaaSMdm.Rpc.Server;

/// <summary>One RPC of a service matched to the C# method that serves it.</summary>
public sealed record BoundMethod(MethodDescriptor Descriptor, MethodInfo Implementation, MethodType Type);

/// <summary>
/// Matches a service class's public methods to the RPCs of its proto service. Every RPC needs a
/// method of the right shape, and every method shaped like a handler needs an RPC, so code that no
/// longer follows its proto is refused at startup (and in the binding tests) instead of at a caller.
/// </summary>
public static class GrpcServiceBinder
{
    public static IReadOnlyList<BoundMethod> Bind<TService>() where TService : IGrpcService =>
        Bind(typeof(TService), TService.Descriptor);

    /// <exception cref="GrpcBindingException">the class and the proto disagree; the message lists every difference.</exception>
    public static IReadOnlyList<BoundMethod> Bind(Type serviceType, ServiceDescriptor service)
    {
        var (methods, problems) = Match(serviceType, service);
        if (problems.Count > 0)
        {
            throw new GrpcBindingException(
                $"{serviceType.Name} does not match proto service {service.FullName}:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems));
        }

        return methods;
    }

    /// <summary>Every difference between the class and the proto; empty when they match.</summary>
    public static IReadOnlyList<string> Validate(Type serviceType, ServiceDescriptor service) => Match(serviceType, service).Problems;

    private static (List<BoundMethod> Methods, List<string> Problems) Match(Type serviceType, ServiceDescriptor service)
    {
        var methods = new List<BoundMethod>();
        var problems = new List<string>();
        var handlers = serviceType
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType != typeof(object) && m.GetParameters().Any(p => p.ParameterType == typeof(ServerCallContext)))
            .ToList();

        foreach (var rpc in service.Methods)
        {
            var candidates = handlers.Where(m => m.Name == rpc.Name).ToList();
            if (candidates.Count == 0)
            {
                problems.Add($"RPC {rpc.Name} has no method {rpc.Name}(...) in {serviceType.Name}.");
                continue;
            }

            if (candidates.Count > 1)
            {
                problems.Add($"RPC {rpc.Name} has {candidates.Count} overloads; keep one.");
                continue;
            }

            var type = MethodDescriptors.TypeOf(rpc);
            var shapeProblem = DescribeShapeMismatch(rpc, type, candidates[0]);
            if (shapeProblem is null)
            {
                methods.Add(new BoundMethod(rpc, candidates[0], type));
            }
            else
            {
                problems.Add(shapeProblem);
            }
        }

        foreach (var extra in handlers.Where(m => service.FindMethodByName(m.Name) is null))
        {
            problems.Add($"{serviceType.Name}.{extra.Name} looks like a handler but {service.FullName} has no RPC {extra.Name}.");
        }

        return (methods, problems);
    }

    private static string? DescribeShapeMismatch(MethodDescriptor rpc, MethodType type, MethodInfo method)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var (expectedParameters, expectedReturn) = type switch
        {
            MethodType.Unary => (new[] { request, typeof(ServerCallContext) }, typeof(Task<>).MakeGenericType(response)),
            MethodType.ServerStreaming => (new[] { request, typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext) }, typeof(Task)),
            _ => (null, null),
        };

        if (expectedParameters is null)
        {
            return $"RPC {rpc.Name} is {type}; only unary and server-streaming calls are supported.";
        }

        if (!parameters.SequenceEqual(expectedParameters) || method.ReturnType != expectedReturn)
        {
            return $"{method.Name} must be {Describe(expectedReturn!)} {rpc.Name}({string.Join(", ", expectedParameters.Select(Describe))}) " +
                   $"for {type} RPC {rpc.Name}, but is {Describe(method.ReturnType)} {method.Name}({string.Join(", ", parameters.Select(Describe))}).";
        }

        return typeof(IMessage).IsAssignableFrom(request) ? null : $"{request.Name} is not a protobuf message.";
    }

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;
}
