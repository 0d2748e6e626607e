using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Tests.Support;

/// <summary>Devices that enroll at a test server, trusting its TLS CA and drawing keys from the shared pool.</summary>
internal static class TestDevices
{
    public static SimulatedDeviceOptions Options(MdmTestServer server, DevicePlatform platform = DevicePlatform.IPhone) => new()
    {
        TenantUrl = server.TenantUrl,
        EnrollmentToken = MdmTestServer.Token,
        Platform = platform,
        ServerTrust = new ServerTrust { TrustedRoots = [TestPki.Shared.PublicCopy(TestPki.Shared.TlsCa)] },
        KeyFactory = TestPki.Shared.NextDeviceKey,
    };

    public static async Task<SimulatedDevice> EnrolledAsync(MdmTestServer server, SimulatedDeviceOptions? options = null)
    {
        var device = new SimulatedDevice(options ?? Options(server));
        await device.FullEnrollmentAsync();
        return device;
    }
}
