using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>The device's MDM identity from SCEP: its certificate with the private key, and the CA that issued it.</summary>
public sealed record ScepIdentity(X509Certificate2 Certificate, X509Certificate2 CaCertificate);
