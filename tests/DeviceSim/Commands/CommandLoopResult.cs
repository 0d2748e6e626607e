using System.Net;

namespace SaaSMdm.DeviceSim.Commands;

/// <summary>The transcript of one command loop: every command with the device's answer, and how the loop ended.</summary>
/// <param name="FinalStatusCode">The HTTP status of the server's last answer.</param>
public sealed record CommandLoopResult(IReadOnlyList<CommandExchange> Exchanges, CommandLoopEnd End, HttpStatusCode FinalStatusCode);
