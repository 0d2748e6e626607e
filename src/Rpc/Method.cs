using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SaaSMdm.Rpc;

/// <summary>
/// One RPC as both ends see it: its path and how to read and write its messages. Made from the
/// proto descriptor, so a handle that no longer matches the contract fails when it is created.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private Method(MethodDescriptor descriptor, MethodType type)
    {
        Descriptor = descriptor;
        Type = type;
        FullName = "/" + descriptor.Service.FullName + "/" + descriptor.Name;
        RequestParser = (MessageParser<TRequest>)descriptor.InputType.Parser;
        ResponseParser = (MessageParser<TResponse>)descriptor.OutputType.Parser;
    }

    public MethodDescriptor Descriptor { get; }

    public MethodType Type { get; }

    public string ServiceName => Descriptor.Service.FullName;

    public string Name => Descriptor.Name;

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    /// <summary>The handle for <paramref name="name"/> of <paramref name="service"/>, checked against the descriptor.</summary>
    /// <exception cref="GrpcBindingException">the proto has no such method, or its kind or message types differ.</exception>
    public static Method<TRequest, TResponse> Create(ServiceDescriptor service, string name)
    {
        var descriptor = service.FindMethodByName(name)
            ?? throw new GrpcBindingException($"{service.FullName} has no method '{name}' in its proto.");
        var problem = MethodDescriptors.DescribeMismatch(descriptor, typeof(TRequest), typeof(TResponse));
        if (problem is not null)
        {
            throw new GrpcBindingException(problem);
        }

        return new Method<TRequest, TResponse>(descriptor, MethodDescriptors.TypeOf(descriptor));
    }

    public override string ToString() => FullName;
}
