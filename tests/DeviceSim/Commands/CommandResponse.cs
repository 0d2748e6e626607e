using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>
/// A device's answer to one command: the Status and the keys beside it (result keys or ErrorChain). Errors use
/// Apple's error domains and the ErrorChain shape devices send; their codes are plausible, not a catalogue of Apple's.
/// </summary>
/// <param name="DeviceGoesAway">The device restarts, shuts down or erases after reporting, ending its connection.</param>
public sealed record CommandResponse(CommandStatus Status, PlistDictionary Keys, bool DeviceGoesAway = false)
{
    public static CommandResponse Acknowledged(PlistDictionary? keys = null) => new(CommandStatus.Acknowledged, keys ?? new PlistDictionary());

    public static CommandResponse NotNow() => new(CommandStatus.NotNow, new PlistDictionary());

    public static CommandResponse Error(long code, string domain, string description) =>
        new(CommandStatus.Error, new PlistDictionary().Add("ErrorChain", ErrorChain(code, domain, description)));

    public static CommandResponse FormatError(string description) =>
        new(CommandStatus.CommandFormatError, new PlistDictionary().Add("ErrorChain", ErrorChain(12001, "MCMDMErrorDomain", description)));

    /// <summary>An ErrorChain of one error, with the descriptions a device in English sends.</summary>
    private static PlistArray ErrorChain(long code, string domain, string description) =>
    [
        new PlistDictionary()
            .Add("ErrorCode", code)
            .Add("ErrorDomain", domain)
            .Add("LocalizedDescription", description)
            .Add("USEnglishDescription", description),
    ];
}
