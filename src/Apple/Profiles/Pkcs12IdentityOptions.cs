namespace SaaSMdm.Apple.Profiles;

/// <summary>A PKCS#12 identity (<c>com.apple.security.pkcs12</c>) shipped inside the profile.</summary>
public sealed record Pkcs12IdentityOptions(ReadOnlyMemory<byte> Pkcs12, string? Password, string FileName = "identity.p12") : IdentityPayloadOptions;
