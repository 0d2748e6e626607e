using Microsoft.AspNetCore.DataProtection;

namespace SaaSMdm.Core.Security;

/// <summary>Encrypts secrets at rest (CA keys, push certificate keys, device tokens) with ASP.NET Core Data Protection.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private const string PurposeRoot = "SaaSMdm.Core.Secrets.v1";

    public string Protect(SecretPurpose purpose, ReadOnlySpan<byte> secret) =>
        Convert.ToBase64String(Protector(purpose).Protect(secret.ToArray()));

    /// <exception cref="System.Security.Cryptography.CryptographicException">the value was not protected for this purpose, or its key is gone.</exception>
    public byte[] Unprotect(SecretPurpose purpose, string protectedSecret) =>
        Protector(purpose).Unprotect(Convert.FromBase64String(protectedSecret));

    private IDataProtector Protector(SecretPurpose purpose) => provider.CreateProtector(PurposeRoot, purpose.ToString());
}
