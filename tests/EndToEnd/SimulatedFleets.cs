using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;
using SaaSMdm.TestHosts;

namespace SaaSMdm.EndToEnd;

/// <summary>Simulated iPhones, iPads and Macs (in turn) of one tenant, enrolling through the system's Edge.</summary>
public static class SimulatedFleets
{
    public static DeviceFleet Create(SystemUnderTest system, SharedDeviceKeys keys, TestTenant tenant, int count) => new(new DeviceFleetOptions
    {
        Count = count,
        DeviceOptions = index => Options(system, keys, tenant, index),
        MaxParallelism = 8,
        ShareConnections = true,
    });

    public static SimulatedDeviceOptions Options(SystemUnderTest system, SharedDeviceKeys keys, TestTenant tenant, int index) => new()
    {
        TenantUrl = new Uri(system.EdgeAddress, $"/t/{tenant.Slug}"),
        EnrollmentToken = tenant.EnrollmentSecret,
        Platform = (index % 3) switch { 0 => DevicePlatform.IPhone, 1 => DevicePlatform.IPad, _ => DevicePlatform.Mac },
        ServerTrust = new ServerTrust { TrustedRoots = [system.EdgeCertificateAuthority] },
        KeyFactory = keys.FactoryFor(index),
    };
}
