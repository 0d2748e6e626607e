using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// A command for a device: <c>{CommandUUID, Command: {RequestType, ...keys}}</c>. <see cref="Keys"/> holds the
/// command keys other than RequestType; treat it as frozen once the command is validated.
/// </summary>
public sealed record CommandRequest
{
    public CommandRequest(string commandUuid, string requestType, PlistDictionary? keys = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandUuid);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestType);
        keys ??= new PlistDictionary();
        if (keys.ContainsKey("RequestType"))
        {
            throw new ArgumentException("RequestType is given separately, not among the command keys.", nameof(keys));
        }

        CommandUuid = commandUuid;
        RequestType = requestType;
        Keys = keys;
    }

    public string CommandUuid { get; }

    public string RequestType { get; }

    public PlistDictionary Keys { get; }

    /// <summary>A command with a fresh, upper-case CommandUUID.</summary>
    public static CommandRequest Create(string requestType, PlistDictionary? keys = null) =>
        new(Guid.NewGuid().ToString("D").ToUpperInvariant(), requestType, keys);

    /// <summary>Reads a command back from the plist it was sent (or stored) as.</summary>
    /// <exception cref="MdmMessageFormatException">The plist is not shaped like a command.</exception>
    public static CommandRequest Parse(PlistValue plist)
    {
        ArgumentNullException.ThrowIfNull(plist);
        var fields = MessageFields.Of(plist, "a command");
        var command = fields.RequiredDictionary("Command");
        var keys = new PlistDictionary();
        foreach (var (key, value) in command.Dictionary)
        {
            if (key != "RequestType")
            {
                keys.Add(key, value);
            }
        }

        return new CommandRequest(fields.RequiredString("CommandUUID"), command.RequiredString("RequestType"), keys);
    }

    /// <summary>The plist the device expects; RequestType comes first inside Command.</summary>
    public PlistDictionary ToPlist()
    {
        var command = new PlistDictionary().Add("RequestType", RequestType);
        foreach (var (key, value) in Keys)
        {
            command.Add(key, value);
        }

        return new PlistDictionary().Add("CommandUUID", CommandUuid).Add("Command", command);
    }

    /// <summary>The XML plist body of the reply that delivers this command.</summary>
    public byte[] ToXml() => PlistWriter.WriteXml(ToPlist());
}
