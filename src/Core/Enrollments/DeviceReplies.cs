using Google.Protobuf;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.Internal.V1;

namespace SaaSMdm.Core.Enrollments;

/// <summary>The HTTP answers Core gives devices; Edge writes them unchanged.</summary>
public static class DeviceReplies
{
    public const string PlistContentType = "application/xml";

    /// <summary>Apple's structured error that makes a device unenroll (mdm/errors/unrecognized.device.yaml).</summary>
    public const string UnrecognizedDeviceCode = "com.apple.unrecognized.device";

    private const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>200 with no body: the check-in is accepted, or no command is queued.</summary>
    public static DeviceResponse Empty() => new() { HttpStatus = 200 };

    public static DeviceResponse Plist(byte[] xml) => new() { HttpStatus = 200, ContentType = PlistContentType, Body = ByteString.CopyFrom(xml) };

    public static DeviceResponse Plist(PlistValue value) => Plist(PlistWriter.WriteXml(value));

    public static DeviceResponse Status(int httpStatus) => new() { HttpStatus = httpStatus };

    public static DeviceResponse Text(int httpStatus, string text) =>
        new() { HttpStatus = httpStatus, ContentType = TextContentType, Body = ByteString.CopyFromUtf8(text) };

    /// <summary>403 with Apple's <c>com.apple.unrecognized.device</c> body: the server no longer knows the enrollment.</summary>
    public static DeviceResponse UnrecognizedDevice()
    {
        var body = new PlistDictionary()
            .Add("code", UnrecognizedDeviceCode)
            .Add("description", "The MDM server has no enrollment for this device.")
            .Add("message", "This device is no longer managed by this organization.");
        return new DeviceResponse { HttpStatus = 403, ContentType = PlistContentType, Body = ByteString.CopyFrom(PlistWriter.WriteXml(body)) };
    }
}
