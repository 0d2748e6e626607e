using SaaSMdm.Rpc.Interceptors;

namespace SaaSMdm.Rpc.Server;

/// <summary>Server interceptors, outermost first. Each is made per call from the request's services.</summary>
public sealed class InterceptorCollection : List<Type>
{
    public void Add<TInterceptor>() where TInterceptor : Interceptor => Add(typeof(TInterceptor));
}
