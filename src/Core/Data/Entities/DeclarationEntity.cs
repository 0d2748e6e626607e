namespace SaaSMdm.Core.Data.Entities;

/// <summary>A tenant's declaration (configuration, asset, activation or management), as the device fetches it.</summary>
public sealed class DeclarationEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Unique in the tenant; at most 64 UTF-8 octets (Apple's limit).</summary>
    public required string Identifier { get; set; }

    /// <summary>Apple's declaration type, e.g. <c>com.apple.configuration.passcode.settings</c>.</summary>
    public required string Type { get; set; }

    /// <summary>The Payload object as canonical JSON (sorted keys, no insignificant whitespace).</summary>
    public required string PayloadJson { get; set; }

    /// <summary>Derived from type, identifier, payload and <see cref="TouchCount"/>: changes exactly when the content does.</summary>
    public required string ServerToken { get; set; }

    /// <summary>How often an operator forced a new token without changing the content.</summary>
    public int TouchCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
