namespace SaaSMdm.Core.Security;

/// <summary>How the Data Protection key ring is itself protected (section <c>DataProtection</c>).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// PKCS#12 certificate whose key encrypts the key ring in the database. Without it the key ring is stored
    /// in the clear next to the data it protects; set it in production.
    /// </summary>
    public string? KeyEncryptionCertificatePath { get; set; }

    public string? KeyEncryptionCertificatePassword { get; set; }
}
