namespace SaaSMdm.Apple.Mdm;

/// <summary>A check-in names a MessageType this library does not know.</summary>
public sealed class UnknownMessageTypeException(string messageType)
    : MdmMessageFormatException($"unknown check-in MessageType '{messageType}'", "MessageType")
{
    public string MessageType { get; } = messageType;
}
