namespace SaaSMdm.Portal.Tests.Devices;

/// <summary>The device pages' test classes share one Core, portal and signed-in people.</summary>
[CollectionDefinition(Name)]
public sealed class DevicePagesCollection : ICollectionFixture<DevicePortalFixture>
{
    public const string Name = "Device pages";
}
