using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Rpc.Interceptors;

public static class CallInvokerExtensions
{
    /// <summary>An invoker that runs every call through <paramref name="interceptor"/> first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor) =>
        new InterceptingCallInvoker(invoker, interceptor);

    /// <summary>Interceptors in order: the first one listed sees each call first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = invoker.Intercept(interceptors[i]);
        }

        return invoker;
    }

    /// <summary>Lets <paramref name="addHeaders"/> add to (or replace) each call's request metadata, e.g. an authorization token.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> addHeaders) =>
        new InterceptingCallInvoker(invoker, new MetadataInterceptor(addHeaders));
}
