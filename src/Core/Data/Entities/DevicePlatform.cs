namespace SaaSMdm.Core.Data.Entities;

/// <summary>The Apple platform of a device, as stored; the numbers are the API's <c>Platform</c> values.</summary>
public enum DevicePlatform
{
    Unknown = 0,
    IOS = 1,
    IPadOS = 2,
    MacOS = 3,
    TvOS = 4,
    VisionOS = 5,
    WatchOS = 6,
}
