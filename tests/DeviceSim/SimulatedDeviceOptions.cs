using System.Security.Cryptography;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Declarative;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim;

/// <summary>Who the simulated device is, where it enrolls and how it behaves. Identifiers left null are generated.</summary>
public sealed record SimulatedDeviceOptions
{
    /// <summary>The tenant's base URL on Edge, such as <c>https://127.0.0.1:5443/t/demo</c>; the profile is at <c>enroll</c> below it.</summary>
    public required Uri TenantUrl { get; init; }

    /// <summary>The enrollment token the profile download presents; null for tenants with open enrollment.</summary>
    public string? EnrollmentToken { get; init; }

    public DevicePlatform Platform { get; init; } = DevicePlatform.IPhone;

    /// <summary>A model of <see cref="Platform"/>; a random one from <see cref="DeviceCatalog"/> when null.</summary>
    public DeviceModel? Model { get; init; }

    public OperatingSystemRelease? OperatingSystem { get; init; }

    public string? Udid { get; init; }

    public string? SerialNumber { get; init; }

    public string? DeviceName { get; init; }

    /// <summary>Generated for cellular models (iPhones) when null.</summary>
    public string? Imei { get; init; }

    public bool IsSupervised { get; init; }

    /// <summary>The macOS user whose channel <see cref="SimulatedDevice.UserTokenUpdateAsync"/> opens; generated for Macs when null.</summary>
    public MacUser? MacUser { get; init; }

    /// <summary>How the device proves its identity on check-in and connect.</summary>
    public IdentityTransport IdentityTransport { get; init; } = IdentityTransport.MdmSignature;

    public ServerTrust ServerTrust { get; init; } = new();

    public DeviceBehavior Behavior { get; init; } = new();

    public DeclarativeBehavior Declarative { get; init; } = new();

    /// <summary>The commands the device understands; add or replace one with <see cref="CommandResponders.With"/>.</summary>
    public CommandResponders Responders { get; init; } = CommandResponders.Default;

    /// <summary>
    /// Supplies the identity key for a requested key size instead of generating one. RSA generation takes a good
    /// fraction of a second on small machines, so fleets in tests and benchmarks hand out keys made in advance.
    /// The device neither keeps nor disposes the key beyond enrollment.
    /// </summary>
    public Func<int, RSA>? KeyFactory { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
