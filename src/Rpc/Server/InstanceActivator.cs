using Microsoft.Extensions.DependencyInjection;

namespace SaaSMdm.Rpc.Server;

/// <summary>
/// Gets a service or interceptor for one call: from the container when registered there, otherwise
/// made with constructor injection (and then disposed by the call that made it).
/// </summary>
internal sealed class InstanceActivator(Type type, IServiceProvider rootServices)
{
    private readonly bool _registered = rootServices.GetService<IServiceProviderIsService>()?.IsService(type) ?? false;
    private readonly ObjectFactory _factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);

    public Activation Create(IServiceProvider callServices) => _registered
        ? new Activation(callServices.GetRequiredService(type), Owned: false)
        : new Activation(_factory(callServices, null), Owned: true);
}

internal readonly record struct Activation(object Instance, bool Owned)
{
    public ValueTask ReleaseAsync()
    {
        if (!Owned)
        {
            return ValueTask.CompletedTask;
        }

        if (Instance is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (Instance as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
