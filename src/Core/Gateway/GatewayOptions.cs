namespace SaaSMdm.Core.Gateway;

/// <summary>The Edge→Core device gateway (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The secret Edge presents on every gateway call; at least 32 characters, the same on Edge and Core.</summary>
    public string? SharedSecret { get; set; }
}
