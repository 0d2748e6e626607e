namespace SaaSMdm.Core.Push;

/// <summary>The MDM vendor identity that signs tenants' push certificate requests for Apple (section <c>Push</c>).</summary>
public sealed class PushVendorOptions
{
    public const string Section = "Push";

    /// <summary>
    /// PKCS#12 file of the MDM vendor certificate (from the Apple Developer Program) with its key and, after it, Apple's
    /// intermediate and root. Unset: requests are returned unsigned, for the tenant to have signed by a vendor elsewhere.
    /// </summary>
    public string? VendorCertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password.</summary>
    public string VendorCertificatePassword { get; set; } = "";
}
