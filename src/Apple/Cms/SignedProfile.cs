using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>The content of a signed profile, the certificate that signed it and every certificate it embeds.</summary>
public sealed record SignedProfile(byte[] Content, X509Certificate2 Signer, X509Certificate2Collection Certificates);
