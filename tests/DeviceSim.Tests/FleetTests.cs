using System.Net;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Tests.Support;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class FleetTests
{
    [Fact]
    public async Task Fifty_devices_enroll_and_answer_a_command_concurrently_with_statistics()
    {
        await using var server = await MdmTestServer.StartAsync();
        var platforms = Enum.GetValues<DevicePlatform>();
        using var fleet = new DeviceFleet(new DeviceFleetOptions
        {
            Count = 50,
            MaxParallelism = 16,
            DeviceOptions = index => TestDevices.Options(server, platforms[index % platforms.Length]),
        });

        var enrollment = await fleet.EnrollAsync();
        foreach (var device in fleet.Devices)
        {
            server.Enqueue(device.Facts.Udid, MdmCommands.DeviceInformation(["UDID", "SerialNumber"]));
        }

        var loops = await fleet.RunCommandLoopsAsync();

        Assert.Empty(enrollment.Failures);
        Assert.Equal(50, enrollment.Succeeded);
        Assert.Equal(50, fleet.Devices.Select(device => device.Facts.Udid).Distinct().Count());
        Assert.Equal(100, server.CheckIns.Count);
        Assert.Equal(
            ["checkin:Authenticate", "checkin:TokenUpdate", "enroll", "scep:GetCACaps", "scep:GetCACert", "scep:PKIOperation"],
            enrollment.Requests.ByKind.Select(kind => kind.Kind));
        Assert.All(enrollment.Requests.ByKind, kind => Assert.Equal(50, kind.Count));
        Assert.Equal(300, enrollment.Requests.Total.Count);
        Assert.Equal(0, enrollment.Requests.Total.Errors);
        Assert.True(enrollment.Requests.RequestsPerSecond > 0);

        Assert.Empty(loops.Failures);
        Assert.Equal(50, loops.CommandsAnswered);
        var connect = Assert.Single(loops.Requests.ByKind);
        Assert.Equal(("connect", 100), (connect.Kind, connect.Count));
        Assert.True(connect.P50Ms <= connect.P99Ms && connect.P99Ms <= connect.MaxMs && connect.MeanMs > 0);
        Assert.All(fleet.Devices, device => Assert.Equal(0, server.Pending(device.Facts.Udid)));
    }

    [Fact]
    public async Task Devices_can_share_one_connection_pool()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var fleet = new DeviceFleet(new DeviceFleetOptions
        {
            Count = 8,
            MaxParallelism = 4,
            ShareConnections = true,
            DeviceOptions = _ => TestDevices.Options(server),
        });

        var enrollment = await fleet.EnrollAsync();
        var loops = await fleet.RunCommandLoopsAsync();

        Assert.Equal(8, enrollment.Succeeded);
        Assert.Equal(8, loops.Succeeded);
        Assert.Equal(8, loops.Requests.Total.Count);
    }

    [Fact]
    public async Task A_failing_device_is_reported_without_stopping_the_others()
    {
        await using var server = await MdmTestServer.StartAsync();
        using var fleet = new DeviceFleet(new DeviceFleetOptions
        {
            Count = 4,
            MaxParallelism = 4,
            DeviceOptions = index => TestDevices.Options(server) with { EnrollmentToken = index == 2 ? "wrong" : MdmTestServer.Token },
        });

        var enrollment = await fleet.EnrollAsync();

        var failure = Assert.Single(enrollment.Failures);
        Assert.Equal(2, failure.Index);
        Assert.Contains(((int)HttpStatusCode.Forbidden).ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Error, StringComparison.Ordinal);
        Assert.Equal(3, enrollment.Succeeded);
        var enroll = enrollment.Requests.ByKind.Single(kind => kind.Kind == "enroll");
        Assert.Equal((4, 1), (enroll.Count, enroll.Errors));
        Assert.Equal(3, (await fleet.RunCommandLoopsAsync()).Devices);
    }
}
