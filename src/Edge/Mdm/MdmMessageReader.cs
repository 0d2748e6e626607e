using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Hosting;

namespace SaaSMdm.Edge.Mdm;

/// <summary>
/// Checks that a device's body is a check-in message or a command report Edge can read, under the
/// <see cref="MdmMessageLimits"/> Core reads it with too: Core only gets what parses. The body's size was already
/// bounded by <see cref="EdgeOptions.MaxDeviceRequestBytes"/> when it was read.
/// </summary>
public sealed class MdmMessageReader
{
    /// <exception cref="DeviceRequestRefusedException">400: not a plist, or not a check-in message of a known MessageType.</exception>
    public CheckInMessage ReadCheckIn(byte[] body) => Read(body, CheckInMessage.Parse);

    /// <exception cref="DeviceRequestRefusedException">400: not a plist, or not a command report with a known Status.</exception>
    public CommandReport ReadReport(byte[] body) => Read(body, CommandReport.Parse);

    private T Read<T>(byte[] body, Func<PlistValue, T> parse)
    {
        PlistValue plist;
        try
        {
            plist = PlistReader.Read(body, MdmMessageLimits.ReaderOptions);
        }
        catch (PlistFormatException ex)
        {
            throw DeviceRequestRefusedException.BadRequest("Malformed property list: " + Shorten(ex.Reason));
        }

        try
        {
            return parse(plist);
        }
        catch (FormatException ex)
        {
            throw DeviceRequestRefusedException.BadRequest(Shorten(ex.Message));
        }
    }

    /// <summary>Reasons may quote what the device sent; the device is told a bounded, printable excerpt.</summary>
    private static string Shorten(string reason) => CallerText.Shorten(reason, CallerText.MaxReasonLength);
}
