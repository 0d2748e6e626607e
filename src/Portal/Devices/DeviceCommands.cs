using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.CoreApi;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>The text a person typed for the lock screen.</summary>
public sealed record LockText(string Message, string PhoneNumber);

/// <summary>Queues the MDM commands behind a <see cref="DeviceAction"/> for one or many devices through Core's API.</summary>
public static class DeviceCommands
{
    /// <returns>How many devices the command was queued for.</returns>
    /// <exception cref="Rpc.RpcException">Core refused; for a refresh, the queries queued before the refusal stay queued.</exception>
    public static async Task<int> EnqueueAsync(
        Commands.CommandsClient commands, string tenantId, IReadOnlyCollection<string> deviceIds, DeviceAction action, LockText lockText, CancellationToken cancellationToken)
    {
        var requests = Requests(action, lockText);
        var count = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            request.TenantId = tenantId;
            request.DeviceIds.AddRange(deviceIds);
            // One push wakes the device for the whole batch: the last command pushes.
            request.NoPush = i < requests.Count - 1;
            count = (await commands.EnqueueCommandAsync(request, CoreCall.Options(cancellationToken))).DeviceCount;
        }

        return count;
    }

    private static List<EnqueueCommandRequest> Requests(DeviceAction action, LockText lockText) => action.Name switch
    {
        "refresh" =>
        [
            new() { DeviceInformation = new DeviceInformationCommand() },
            new() { SecurityInfo = new SecurityInfoCommand() },
            new() { ProfileList = new ProfileListCommand() },
            new() { InstalledApplicationList = new InstalledApplicationListCommand() },
        ],
        "lock" => [new() { DeviceLock = new DeviceLockCommand { Message = lockText.Message.Trim(), PhoneNumber = lockText.PhoneNumber.Trim() } }],
        "restart" => [new() { RestartDevice = new RestartDeviceCommand() }],
        "shut-down" => [new() { ShutDownDevice = new ShutDownDeviceCommand() }],
        "erase" => [new() { EraseDevice = new EraseDeviceCommand() }],
        "clear-passcode" => [new() { ClearPasscode = new ClearPasscodeCommand() }],
        "remove-management" => [new() { RemoveManagement = new RemoveManagementCommand() }],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.Name, "Not an MDM command of the portal."),
    };
}
