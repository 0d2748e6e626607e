using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Portal.DeviceViews;

namespace SaaSMdm.Portal.Tests;

/// <summary>The shared display helpers and the device-action validator that every page uses.</summary>
public sealed class SharedDisplayTests
{
    [Fact]
    public void Times_are_written_to_the_minute_and_unset_or_zero_times_as_a_dash()
    {
        var time = Timestamp.FromDateTime(new DateTime(2026, 11, 21, 9, 5, 59, DateTimeKind.Utc));

        Assert.Equal("2026-11-21 09:05", Display.DateTime(time));
        Assert.Equal(Display.Never, Display.DateTime((Timestamp?)null));
        Assert.Equal(Display.Never, Display.DateTime(new Timestamp()));
        Assert.Equal("2026-11-21 09:05", Display.DateTime(new DateTime(2026, 11, 21, 9, 5, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Platforms_and_roles_and_declaration_states_have_one_name_each()
    {
        Assert.All(PlatformNames.All, platform => Assert.Equal(platform, PlatformNames.Parse(PlatformNames.QueryValue(platform))));
        Assert.Equal(Platform.Unspecified, PlatformNames.Parse("windows"));
        Assert.Equal(Platform.Unspecified, PlatformNames.Parse(null));
        Assert.Equal(["Read-only", "Help desk", "Admin", "Owner"], RoleNames.Assignable.Select(RoleNames.Of));
        Assert.Equal("Not assigned", DeclarationStateNames.Of(DeclarationState.NotAssigned));
        Assert.Equal(DeclarationStateNames.NoReport, DeclarationStateNames.Of((DeclarationStatus?)null));
    }

    [Fact]
    public void One_validator_refuses_unconfirmed_or_unoffered_device_actions_for_one_device_and_for_a_selection()
    {
        var device = new Device { DeviceName = "Lab iPad", SerialNumber = "F9FXK0ABC" };
        var none = new DeviceActionConfirmations(null);

        Assert.Equal("Choose an action.", DeviceActionValidator.ForDevice(null, device, none));
        Assert.StartsWith("Nothing was erased", DeviceActionValidator.ForDevice(DeviceAction.Erase, device, new("ERASE")));
        Assert.Null(DeviceActionValidator.ForDevice(DeviceAction.Erase, device, new(" lab ipad ")));
        Assert.StartsWith("Nothing was removed", DeviceActionValidator.ForDevice(DeviceAction.RemoveManagement, device, none));
        Assert.Null(DeviceActionValidator.ForDevice(DeviceAction.RemoveRecord, device, new(null, RemoveRecord: true)));

        Assert.Equal("Select at least one device.", DeviceActionValidator.ForSelection(DeviceAction.Lock, 0, none));
        Assert.Equal("That action is not offered for a selection.", DeviceActionValidator.ForSelection(DeviceAction.RemoveRecord, 2, none));
        Assert.StartsWith("Nothing was erased", DeviceActionValidator.ForSelection(DeviceAction.Erase, 2, new("Lab iPad")));
        Assert.Null(DeviceActionValidator.ForSelection(DeviceAction.Erase, 2, new(DeviceActionValidator.BulkEraseWord)));
        Assert.Null(DeviceActionValidator.ForSelection(DeviceAction.Lock, 2, none));
    }
}
