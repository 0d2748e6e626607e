using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>
/// The command an EnqueueCommand request asks for: a typed variant through src/Apple's builders, or the caller's
/// own plist, read with limits and shaped like a command dictionary. Schema checks come after, for both.
/// </summary>
public static class CommandReader
{
    /// <summary>Limits for caller plists: a command (even InstallProfile's payload) is far below them.</summary>
    private static readonly PlistReaderOptions RawLimits = new() { MaxInputBytes = 4 * 1024 * 1024, MaxDepth = 32, MaxObjects = 100_000 };

    /// <summary>As long as the commands table keeps it; Apple's names are far shorter.</summary>
    private const int MaxRequestTypeLength = 128;

    private const int MaxLockMessageLength = 500;

    private const int MaxPhoneNumberLength = 40;

    private const string PhoneNumberPunctuation = " +-().";

    /// <summary>What an empty DeviceInformation asks for: the facts the device list shows, and a few more.</summary>
    private static readonly string[] StandardQueries =
    [
        "UDID", "DeviceName", "OSVersion", "BuildVersion", "ProductName", "Model", "ModelName", "SerialNumber",
        "DeviceCapacity", "AvailableDeviceCapacity", "BatteryLevel", "IsSupervised", "WiFiMAC", "BluetoothMAC",
    ];

    /// <exception cref="InvalidArgumentException">no command is set, or the raw plist is not a command dictionary.</exception>
    public static CommandRequest Read(EnqueueCommandRequest request) => request.CommandCase switch
    {
        EnqueueCommandRequest.CommandOneofCase.RawPlist => ReadRaw(request.RawPlist.Memory),
        EnqueueCommandRequest.CommandOneofCase.DeviceInformation =>
            MdmCommands.DeviceInformation(request.DeviceInformation.Queries.Count > 0 ? [.. request.DeviceInformation.Queries] : StandardQueries),
        EnqueueCommandRequest.CommandOneofCase.SecurityInfo => MdmCommands.SecurityInfo(),
        EnqueueCommandRequest.CommandOneofCase.ProfileList => MdmCommands.ProfileList(),
        EnqueueCommandRequest.CommandOneofCase.InstallProfile => request.InstallProfile.Payload.IsEmpty
            ? throw new InvalidArgumentException("install_profile.payload is required: the .mobileconfig to install.")
            : MdmCommands.InstallProfile(request.InstallProfile.Payload.Memory),
        EnqueueCommandRequest.CommandOneofCase.RemoveProfile => string.IsNullOrWhiteSpace(request.RemoveProfile.Identifier)
            ? throw new InvalidArgumentException("remove_profile.identifier is required: the PayloadIdentifier of the profile to remove.")
            : MdmCommands.RemoveProfile(request.RemoveProfile.Identifier),
        EnqueueCommandRequest.CommandOneofCase.InstalledApplicationList => MdmCommands.InstalledApplicationList(
            request.InstalledApplicationList.Identifiers.Count > 0 ? [.. request.InstalledApplicationList.Identifiers] : null,
            request.InstalledApplicationList.ManagedAppsOnly),
        EnqueueCommandRequest.CommandOneofCase.CertificateList => MdmCommands.CertificateList(),
        EnqueueCommandRequest.CommandOneofCase.DeviceLock => ReadDeviceLock(request.DeviceLock),
        EnqueueCommandRequest.CommandOneofCase.EraseDevice => MdmCommands.EraseDevice(new EraseDeviceOptions(
            NullIfEmpty(request.EraseDevice.Pin), request.EraseDevice.PreserveDataPlan, request.EraseDevice.DisallowProximitySetup)),
        EnqueueCommandRequest.CommandOneofCase.RestartDevice => MdmCommands.RestartDevice(request.RestartDevice.NotifyUser),
        EnqueueCommandRequest.CommandOneofCase.ShutDownDevice => MdmCommands.ShutDownDevice(),
        EnqueueCommandRequest.CommandOneofCase.ClearPasscode or EnqueueCommandRequest.CommandOneofCase.RemoveManagement =>
            throw new ArgumentException($"{request.CommandCase} is built per device by DeviceBoundCommands.", nameof(request)),
        _ => throw new InvalidArgumentException("Set a command: raw_plist or one of the typed commands."),
    };

    /// <summary>Lock-screen text must fit a lock screen; a phone number is dialable characters only.</summary>
    private static CommandRequest ReadDeviceLock(DeviceLockCommand command)
    {
        if (command.Message.Length > MaxLockMessageLength || command.Message.Any(c => char.IsControl(c) && c != '\n'))
        {
            throw new InvalidArgumentException($"device_lock.message must be at most {MaxLockMessageLength} characters, without control characters other than line breaks.");
        }

        if (command.PhoneNumber.Length > MaxPhoneNumberLength || !command.PhoneNumber.All(c => char.IsAsciiDigit(c) || PhoneNumberPunctuation.Contains(c)))
        {
            throw new InvalidArgumentException($"device_lock.phone_number must be at most {MaxPhoneNumberLength} characters of digits, spaces and {PhoneNumberPunctuation.Trim()}.");
        }

        return MdmCommands.DeviceLock(NullIfEmpty(command.Message), NullIfEmpty(command.PhoneNumber), NullIfEmpty(command.Pin));
    }

    private static CommandRequest ReadRaw(ReadOnlyMemory<byte> plist)
    {
        PlistValue value;
        try
        {
            value = PlistReader.Read(plist, RawLimits);
        }
        catch (PlistFormatException e)
        {
            throw new InvalidArgumentException($"raw_plist is not a readable property list: {e.Message}");
        }

        if (value is not PlistDictionary command)
        {
            throw new InvalidArgumentException($"raw_plist must be the command dictionary (RequestType and its keys); its root is of type {value.Kind}.");
        }

        if (!command.TryGetValue("RequestType", out var requestTypeValue) || requestTypeValue is not PlistString { Value: var requestType } || string.IsNullOrWhiteSpace(requestType))
        {
            throw new InvalidArgumentException(command.ContainsKey("Command")
                ? "raw_plist must be the command dictionary itself, not the envelope with Command and CommandUUID."
                : "raw_plist has no RequestType string.");
        }

        if (requestType.Length > MaxRequestTypeLength)
        {
            throw new InvalidArgumentException($"raw_plist's RequestType is longer than {MaxRequestTypeLength} characters.");
        }

        if (command.ContainsKey("CommandUUID"))
        {
            throw new InvalidArgumentException("raw_plist must not carry a CommandUUID: the server assigns one.");
        }

        var keys = new PlistDictionary();
        foreach (var (key, keyValue) in command)
        {
            if (key != "RequestType")
            {
                keys.Add(key, keyValue);
            }
        }

        return CommandRequest.Create(requestType, keys);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
