namespace SaaSMdm.Portal.DeviceViews;

/// <summary>What a person can do to devices from the portal, by the form value that names it.</summary>
public sealed record DeviceAction(string Name, string Label, bool Destructive)
{
    public static readonly DeviceAction RefreshInventory = new("refresh", "Refresh inventory", false);
    public static readonly DeviceAction Lock = new("lock", "Lock", false);
    public static readonly DeviceAction Restart = new("restart", "Restart", false);
    public static readonly DeviceAction ShutDown = new("shut-down", "Shut down", false);
    public static readonly DeviceAction Push = new("push", "Push now", false);
    public static readonly DeviceAction Erase = new("erase", "Erase", true);
    public static readonly DeviceAction ClearPasscode = new("clear-passcode", "Clear passcode", true);
    public static readonly DeviceAction RemoveManagement = new("remove-management", "Remove management", true);
    public static readonly DeviceAction RemoveRecord = new("remove-record", "Remove device record", true);

    /// <summary>The actions the grid offers for a selection of devices.</summary>
    public static IReadOnlyList<DeviceAction> Bulk { get; } = [RefreshInventory, Lock, Restart, ShutDown, Erase];

    private static readonly DeviceAction[] All = [RefreshInventory, Lock, Restart, ShutDown, Push, Erase, ClearPasscode, RemoveManagement, RemoveRecord];

    public static DeviceAction? Named(string? name) => All.FirstOrDefault(action => action.Name == name);
}
