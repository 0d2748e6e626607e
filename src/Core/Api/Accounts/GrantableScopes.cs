using SaaSMdm.Contracts;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// The scopes a new API client may be given: scopes that exist, of the kind its owner's clients may hold, and none
/// the caller could not use itself, so no one makes a client mightier than they are.
/// </summary>
public static class GrantableScopes
{
    /// <param name="requested">The request's scopes (repeats are ignored).</param>
    /// <param name="ownerMayHold">Every scope a client of this owner (a tenant, an MSP) may hold.</param>
    /// <param name="callerHolds">The scopes the caller may grant: its own where the client will act.</param>
    /// <param name="owner">The owner's kind, for the message: "a tenant's client".</param>
    /// <exception cref="InvalidArgumentException">no scope, or one unknown or not for this owner.</exception>
    /// <exception cref="PermissionDeniedException">a scope the caller does not hold.</exception>
    public static IReadOnlySet<string> Check(IEnumerable<string> requested, IReadOnlySet<string> ownerMayHold, IReadOnlySet<string> callerHolds, string owner)
    {
        var scopes = requested.ToHashSet(StringComparer.Ordinal);
        if (scopes.Count == 0)
        {
            throw new InvalidArgumentException("scopes must name at least one scope, e.g. \"devices:read\".");
        }

        if (scopes.FirstOrDefault(scope => !ApiScopes.All.Contains(scope)) is { } unknown)
        {
            throw new InvalidArgumentException($"'{CallerText.Shorten(unknown)}' is not a scope of this API.");
        }

        if (scopes.FirstOrDefault(scope => !ownerMayHold.Contains(scope)) is { } foreign)
        {
            throw new InvalidArgumentException($"{owner} may not hold the scope '{foreign}'.");
        }

        var beyond = scopes.Where(scope => !callerHolds.Contains(scope)).ToList();
        return beyond.Count > 0
            ? throw new PermissionDeniedException($"The caller may grant only scopes it holds itself, not: {ApiScopes.Format(beyond)}.")
            : scopes;
    }
}
