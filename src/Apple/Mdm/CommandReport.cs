using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// What a device PUTs to the server URL: the status of the last command (or Idle), its UUID, errors, and in
/// <see cref="Raw"/> every result key as sent.
/// </summary>
public sealed record CommandReport
{
    private CommandReport(MessageFields fields)
    {
        Raw = fields.Dictionary;
        Status = ParseStatus(fields.RequiredString("Status"));
        CommandUuid = fields.Identifier("CommandUUID");
        if (CommandUuid is null && Status != CommandStatus.Idle)
        {
            throw new MdmMessageFormatException($"a {Status} report must name its CommandUUID", "CommandUUID");
        }

        ErrorChain = fields.Dictionaries("ErrorChain").Select(CommandError.From).ToArray();
        Identity = EnrollmentIdentity.From(fields);
        Channel = Identity.Channel;
    }

    public CommandStatus Status { get; }

    /// <summary>The UUID of the command reported on; null only for Idle.</summary>
    public string? CommandUuid { get; }

    public IReadOnlyList<CommandError> ErrorChain { get; }

    public EnrollmentIdentity Identity { get; }

    public EnrollmentChannel Channel { get; }

    public PlistDictionary Raw { get; }

    /// <exception cref="MdmMessageFormatException">
    /// The body is not a dictionary, Status is missing or unknown, a key has the wrong type, or an identifier is over
    /// <see cref="MdmMessageLimits.MaxIdentifierLength"/> or holds control characters.
    /// </exception>
    public static CommandReport Parse(PlistValue body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new CommandReport(MessageFields.Of(body, "a command report"));
    }

    private static CommandStatus ParseStatus(string status) => status switch
    {
        "Idle" => CommandStatus.Idle,
        "Acknowledged" => CommandStatus.Acknowledged,
        "Error" => CommandStatus.Error,
        "CommandFormatError" => CommandStatus.CommandFormatError,
        "NotNow" => CommandStatus.NotNow,
        _ => throw new MdmMessageFormatException($"unknown status '{status}'", "Status"),
    };
}
