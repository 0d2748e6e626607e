using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;

namespace SaaSMdm.Core.Tests.Api.DeviceGrid;

/// <summary>The platform a device's reported product name (or model) stands for.</summary>
public sealed class DevicePlatformsTests
{
    [Theory]
    [InlineData("iPhone15,2", null, DevicePlatform.IOS)]
    [InlineData("iPod9,1", null, DevicePlatform.IOS)]
    [InlineData("iPad13,4", null, DevicePlatform.IPadOS)]
    [InlineData("Mac14,2", null, DevicePlatform.MacOS)]
    [InlineData("MacBookPro18,1", null, DevicePlatform.MacOS)]
    [InlineData("MacBookAir10,1", null, DevicePlatform.MacOS)]
    [InlineData("iMac21,1", null, DevicePlatform.MacOS)]
    [InlineData("Macmini9,1", null, DevicePlatform.MacOS)]
    [InlineData("VirtualMac2,1", null, DevicePlatform.MacOS)]
    [InlineData("AppleTV14,1", null, DevicePlatform.TvOS)]
    [InlineData("RealityDevice14,1", null, DevicePlatform.VisionOS)]
    [InlineData("Watch7,1", null, DevicePlatform.WatchOS)]
    [InlineData(null, "iPhone15,2", DevicePlatform.IOS)]
    [InlineData("", "MacBookPro18,1", DevicePlatform.MacOS)]
    [InlineData("Toaster1,1", "iPad13,4", DevicePlatform.IPadOS)]
    [InlineData("Toaster1,1", null, DevicePlatform.Unknown)]
    [InlineData(null, null, DevicePlatform.Unknown)]
    public void Platform_follows_the_product_name_then_the_model(string? productName, string? model, DevicePlatform expected) =>
        Assert.Equal(expected, DevicePlatforms.From(productName, model));

    [Fact]
    public void Recording_facts_sets_the_platform_and_keeps_it_when_a_later_answer_leaves_the_product_name_out()
    {
        var device = new EnrollmentEntity { ChannelId = "UDID" };
        new DeviceFacts("Ann's iPad", "iPad13,4", "iPad", "iPad13,4", "17.4", "21E236", "SERIAL", null, null).ApplyTo(device);
        Assert.Equal(DevicePlatform.IPadOS, device.Platform);

        new DeviceFacts("Ann's iPad", null, null, null, "17.5", null, null, null, null).ApplyTo(device);
        Assert.Equal(DevicePlatform.IPadOS, device.Platform);
    }

    [Fact]
    public void Oversized_sortable_facts_are_cut_to_the_index_bound()
    {
        var device = new EnrollmentEntity { ChannelId = "UDID" };
        new DeviceFacts(new string('n', 5000), null, null, null, null, null, new string('s', 300), null, null).ApplyTo(device);
        Assert.Equal(DeviceFacts.MaxFactLength, device.DeviceName!.Length);
        Assert.Equal(DeviceFacts.MaxFactLength, device.SerialNumber!.Length);
    }
}
