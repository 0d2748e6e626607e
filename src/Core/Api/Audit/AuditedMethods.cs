using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>
/// Which RPCs the audit log records: every RPC of the public API whose required scope is not a ":read" scope, that
/// is every call that may change state. Read from the descriptors, so a new write RPC is audited without a list to update.
/// </summary>
public static class AuditedMethods
{
    private const string ReadScopeSuffix = ":read";

    /// <summary>The full paths (<c>/package.Service/Method</c>) of the audited RPCs.</summary>
    public static FrozenSet<string> Paths { get; } = PublicApi.Services
        .SelectMany(service => service.Methods)
        .Where(ChangesState)
        .Select(method => $"/{method.Service.FullName}/{method.Name}")
        .ToFrozenSet(StringComparer.Ordinal);

    public static bool IsAudited(string methodPath) => Paths.Contains(methodPath);

    /// <summary>
    /// The audited RPCs a name denotes: a full path as it is, or an RPC's name with or without its service
    /// ("EnqueueCommand", "Commands/EnqueueCommand"); empty when it names none.
    /// </summary>
    public static IReadOnlyList<string> Named(string name) =>
        name.StartsWith('/')
            ? [name]
            : Paths.Where(path => path.EndsWith("/" + name, StringComparison.Ordinal) || path.EndsWith("." + name, StringComparison.Ordinal)).ToList();

    /// <summary>A method without a known scope counts as changing state: better an entry too many than one missing.</summary>
    private static bool ChangesState(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AccessExtensions.RequiredScope) is not { Length: > 0 } scope
        || !scope.EndsWith(ReadScopeSuffix, StringComparison.Ordinal);
}
