namespace SaaSMdm.Core.Gateway.Profiles;

/// <summary>
/// The PayloadIdentifier of a tenant's enrollment profile. Removing that profile (RemoveProfile) is how the server
/// takes a device out of management, so the issuer and the RemoveManagement command must agree on it.
/// </summary>
public static class EnrollmentProfileIdentifier
{
    /// <remarks>Slugs never change, so a device enrolled years ago carries the identifier computed today.</remarks>
    public static string For(string tenantSlug) => $"com.saasmdm.{tenantSlug}.enrollment";
}
