namespace SaaSMdm.DeviceSim.Transport;

/// <summary>Sees every request a device makes; called concurrently by the devices of a fleet.</summary>
public interface IDeviceRequestObserver
{
    void OnRequest(DeviceRequest request);
}
