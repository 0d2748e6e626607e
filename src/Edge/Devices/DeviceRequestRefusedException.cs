namespace SaaSMdm.Edge.Devices;

/// <summary>
/// Edge refuses a device request before it reaches Core. <see cref="DeviceErrorFilter"/> turns it into a
/// problem answer; <see cref="Exception.Message"/> is the reason the device is told.
/// </summary>
public sealed class DeviceRequestRefusedException(int statusCode, string title, string reason) : Exception(reason)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public static DeviceRequestRefusedException BadRequest(string reason) =>
        new(StatusCodes.Status400BadRequest, "Bad request", reason);

    public static DeviceRequestRefusedException Unauthenticated(string reason) =>
        new(StatusCodes.Status401Unauthorized, "Unauthenticated", reason);

    public static DeviceRequestRefusedException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body is larger than {limit} bytes.");
}
