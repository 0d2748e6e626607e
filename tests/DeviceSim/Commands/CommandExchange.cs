using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>One command a device received and what it answered.</summary>
/// <param name="RequestType">Null when the command could not be read (answered CommandFormatError).</param>
/// <param name="Report">The report as the device meant it; see <paramref name="SentMalformed"/>.</param>
/// <param name="SentMalformed">The device sent a broken body instead of <paramref name="Report"/> (<see cref="DeviceBehavior.MalformedRequestTypes"/>).</param>
public sealed record CommandExchange(string CommandUuid, string? RequestType, CommandStatus Status, PlistDictionary Report, bool SentMalformed);
