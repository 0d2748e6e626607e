using SaaSMdm.Contracts.Internal.V1;

namespace SaaSMdm.Edge.Devices;

/// <summary>A device's request body as received, within the size limit, and the certificate it was made with.</summary>
public sealed record DeviceRequest(byte[] Body, DeviceIdentity Identity);
