using Google.Protobuf;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// Reads the plists devices send, under the same <see cref="MdmMessageLimits"/> as Edge; anything malformed is the
/// caller's error and changes nothing.
/// </summary>
public static class DeviceMessages
{
    /// <exception cref="InvalidArgumentException">not a check-in plist, or not of the MessageType Edge read.</exception>
    public static CheckInMessage ReadCheckIn(ByteString plist, string declaredMessageType)
    {
        var message = Read(plist, CheckInMessage.Parse);
        return declaredMessageType.Length > 0 && declaredMessageType != message.MessageType
            ? throw new InvalidArgumentException($"message_type '{declaredMessageType}' does not match the plist's MessageType '{message.MessageType}'.")
            : message;
    }

    /// <exception cref="InvalidArgumentException">not a command report plist.</exception>
    public static CommandReport ReadReport(ByteString plist) => Read(plist, CommandReport.Parse);

    private static T Read<T>(ByteString plist, Func<PlistValue, T> parse)
    {
        try
        {
            return parse(PlistReader.Read(plist.Span, MdmMessageLimits.ReaderOptions));
        }
        catch (FormatException e)
        {
            // PlistFormatException (syntax) and MdmMessageFormatException (shape) both say what is wrong and where.
            throw new InvalidArgumentException($"The device message is malformed: {e.Message}");
        }
    }
}
