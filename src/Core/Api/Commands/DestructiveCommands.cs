using System.Collections.Frozen;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>
/// Commands that destroy data, remove what management installed or weaken a device's protection. Enqueueing one
/// needs the <c>commands:destructive</c> scope besides <c>commands:write</c>, so a help desk can lock or restart a
/// device but not erase it.
/// </summary>
public static class DestructiveCommands
{
    public static FrozenSet<string> RequestTypes { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "EraseDevice",
        "ClearPasscode",
        "ClearRestrictionsPassword",
        "ClearActivationLockBypassCode",
        "DeleteUser",
        "RemoveProfile",
        "RemoveProvisioningProfile",
        "RemoveApplication",
        "RemoveMedia");
}
