namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>
/// Tests of one class share an Edge and its stub Core; each test starts with a stub that has heard nothing,
/// a client that presents the device's TLS certificate and one that presents none.
/// </summary>
public abstract class DeviceEndpointTests : IClassFixture<EdgeOverStubCore>, IDisposable
{
    protected DeviceEndpointTests(EdgeOverStubCore fixture)
    {
        Fixture = fixture;
        fixture.Core.Reset();
        Device = fixture.Edge.CreateClient(DeviceCertificates.Device);
        Anonymous = fixture.Edge.CreateClient();
    }

    protected EdgeOverStubCore Fixture { get; }

    protected RecordingDeviceGateway Core => Fixture.Core;

    /// <summary>Presents <see cref="DeviceCertificates.Device"/> as its TLS client certificate.</summary>
    protected HttpClient Device { get; }

    /// <summary>Presents no TLS client certificate.</summary>
    protected HttpClient Anonymous { get; }

    public void Dispose()
    {
        Device.Dispose();
        Anonymous.Dispose();
        GC.SuppressFinalize(this);
    }
}
