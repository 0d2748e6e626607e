namespace SaaSMdm.Apple.Cms;

/// <summary>Limits for <see cref="MdmSignatureVerifier"/>.</summary>
public sealed record MdmSignatureOptions
{
    /// <summary>Longest accepted header value in characters; a device's signature with its certificate is a few KiB.</summary>
    public int MaxHeaderLength { get; init; } = 64 * 1024;
}
