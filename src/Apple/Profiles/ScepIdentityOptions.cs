namespace SaaSMdm.Apple.Profiles;

/// <summary>A SCEP enrollment (<c>com.apple.security.scep</c>) for the MDM identity.</summary>
/// <param name="Url">The SCEP endpoint.</param>
/// <param name="Challenge">The pre-shared challenge the SCEP server expects.</param>
public sealed record ScepIdentityOptions(Uri Url, string Challenge) : IdentityPayloadOptions
{
    /// <summary>The CA instance name (some servers want one).</summary>
    public string? Name { get; init; }

    /// <summary>Relative distinguished names in order, such as <c>("O", "Example")</c>, <c>("CN", "MDM Identity")</c>.</summary>
    public IReadOnlyList<(string Type, string Value)> Subject { get; init; } = [("CN", "MDM Identity")];

    /// <summary>RSA key size: 1024, 2048 or 4096.</summary>
    public int KeySize { get; init; } = 2048;

    /// <summary>1 signing, 4 encryption; 5 both, which the MDM identity needs (TLS and message signing).</summary>
    public int KeyUsage { get; init; } = 5;

    /// <summary>The SHA-256 or SHA-1 fingerprint of the CA certificate, so the device can check whom it enrolls with.</summary>
    public ReadOnlyMemory<byte>? CAFingerprint { get; init; }

    public int? Retries { get; init; }

    public int? RetryDelay { get; init; }
}
