namespace SaaSMdm.Rpc.Client;

/// <summary>Base of typed clients: each RPC becomes a method that starts a call on <see cref="CallInvoker"/>.</summary>
public abstract class ClientBase(CallInvoker callInvoker)
{
    public CallInvoker CallInvoker { get; } = callInvoker;
}
