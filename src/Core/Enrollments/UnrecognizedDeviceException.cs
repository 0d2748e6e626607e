namespace SaaSMdm.Core.Enrollments;

/// <summary>
/// A device message names an enrollment the tenant does not have (never enrolled, checked out, or removed
/// through the API). The device is answered with Apple's unrecognized-device error so that it unenrolls.
/// </summary>
public sealed class UnrecognizedDeviceException(string channelId)
    : Exception($"The tenant has no enrollment '{channelId}'.")
{
    public string ChannelId { get; } = channelId;
}
