using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>The confirmations a person gave with a posted device action.</summary>
/// <param name="Erase">The text typed to confirm an erase.</param>
/// <param name="RemoveManagement">The box confirming removal of management is ticked.</param>
/// <param name="RemoveRecord">The box confirming that the device record is forgotten is ticked.</param>
public sealed record DeviceActionConfirmations(string? Erase, bool RemoveManagement = false, bool RemoveRecord = false);

/// <summary>
/// Why the portal refuses a posted device action before asking Core (no action, nothing selected, not offered, not
/// confirmed); null when it may go ahead. Core still decides whether the person's role allows it.
/// </summary>
public static class DeviceActionValidator
{
    /// <summary>The word a bulk erase is confirmed with: no single device name fits a selection.</summary>
    public const string BulkEraseWord = "ERASE";

    public static string? ForSelection(DeviceAction? action, int selectedCount, DeviceActionConfirmations confirmations) => action switch
    {
        null => "Choose an action for the selected devices.",
        _ when selectedCount == 0 => "Select at least one device.",
        // The grid offers at most one page of checkboxes; a longer list did not come from it.
        _ when selectedCount > DeviceGridQuery.PageSizes.Max() => $"Select at most {DeviceGridQuery.PageSizes.Max()} devices at once.",
        _ when !DeviceAction.Bulk.Contains(action) => "That action is not offered for a selection.",
        _ => Unconfirmed(action, confirmations,
            string.Equals(confirmations.Erase?.Trim(), BulkEraseWord, StringComparison.Ordinal), $"type {BulkEraseWord} in capitals"),
    };

    public static string? ForDevice(DeviceAction? action, Device device, DeviceActionConfirmations confirmations) => action is null
        ? "Choose an action."
        : Unconfirmed(action, confirmations, DeviceNames.ConfirmsErase(device, confirmations.Erase), "type the device's name or serial number exactly");

    private static string? Unconfirmed(DeviceAction action, DeviceActionConfirmations confirmations, bool eraseConfirmed, string howToConfirmErase) => action.Name switch
    {
        "erase" when !eraseConfirmed => $"Nothing was erased: {howToConfirmErase} to confirm.",
        "remove-management" when !confirmations.RemoveManagement => "Nothing was removed: tick the box to confirm removing management.",
        "remove-record" when !confirmations.RemoveRecord => "The device was kept: tick the box to confirm forgetting it.",
        _ => null,
    };
}
