namespace SaaSMdm.Apple.Profiles;

/// <summary>How the device gets its MDM identity: by SCEP, or from a PKCS#12 file in the profile.</summary>
public abstract record IdentityPayloadOptions
{
    private protected IdentityPayloadOptions()
    {
    }
}
