using Google.Protobuf.Reflection;

namespace SaaSMdm.Rpc;

/// <summary>Reads what kind of call a proto method is and whether C# types fit it.</summary>
public static class MethodDescriptors
{
    public static MethodType TypeOf(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        (true, true) => MethodType.DuplexStreaming,
    };

    /// <summary>Why <paramref name="requestType"/>/<paramref name="responseType"/> do not fit the method, or null when they do.</summary>
    public static string? DescribeMismatch(MethodDescriptor method, Type requestType, Type responseType)
    {
        var name = method.Service.FullName + "/" + method.Name;
        if (method.InputType.ClrType != requestType)
        {
            return $"{name} takes {method.InputType.FullName} ({method.InputType.ClrType?.Name}), the code uses {requestType.Name}.";
        }

        if (method.OutputType.ClrType != responseType)
        {
            return $"{name} returns {method.OutputType.FullName} ({method.OutputType.ClrType?.Name}), the code uses {responseType.Name}.";
        }

        return null;
    }
}
