using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// The authenticated caller of the current API request, and what it may do in the request's tenant (the token's
/// scopes, narrowed by a person's role there). Set by the API's authorization interceptor: the caller once its token
/// is valid, the scopes once it is authorized.
/// </summary>
public sealed class CurrentCaller
{
    private ApiCaller? _caller;

    public ApiCaller Caller => _caller ?? throw new InvalidOperationException("No caller was authenticated for this request.");

    public bool IsAuthenticated => _caller is not null;

    /// <summary>What the caller may do in the request's tenant; for a call about no tenant, the token's scopes.</summary>
    public IReadOnlySet<string> Scopes { get; private set; } = new HashSet<string>();

    /// <summary>Who the caller is, as soon as its token is valid and before it is authorized, so a refused call can be attributed.</summary>
    public void Identify(ApiCaller caller)
    {
        if (_caller is not null && !ReferenceEquals(_caller, caller))
        {
            throw new InvalidOperationException("The request's caller is already set.");
        }

        _caller = caller;
    }

    public void Set(ApiCaller caller, IReadOnlySet<string> scopes)
    {
        Identify(caller);
        Scopes = scopes;
    }

    public bool Has(string scope) => Scopes.Contains(scope);

    /// <exception cref="PermissionDeniedException">the caller lacks <paramref name="scope"/>.</exception>
    public void Require(string scope, string what)
    {
        if (!Has(scope))
        {
            throw new PermissionDeniedException($"{what} needs the scope '{scope}', which this caller does not have here.");
        }
    }
}
