namespace SaaSMdm.Apple.Cms;

/// <summary>The HTTP header in which a device whose enrollment profile sets <c>SignMessage</c> signs each body.</summary>
public static class MdmSignatureHeader
{
    public const string Name = "Mdm-Signature";
}
