namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// An OAuth2 client (client credentials). It belongs to exactly one of: a tenant, an MSP organization (acts in the
/// tenants that MSP manages) or the operators (acts everywhere). Its secret is shown once and stored hashed.
/// </summary>
public sealed class ApiClientEntity
{
    public Guid Id { get; set; }

    /// <summary>The public <c>client_id</c>.</summary>
    public required string ClientId { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="Security.SecretHash"/> of the secret.</summary>
    public required string SecretHash { get; set; }

    public Guid? TenantId { get; set; }

    public Guid? MspOrganizationId { get; set; }

    public bool IsOperator { get; set; }

    /// <summary>The portal's own client: may use the password and refresh-token grants for people, nothing else.</summary>
    public bool IsPortal { get; set; }

    /// <summary>Granted scopes, space-separated as in OAuth2.</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime SecretCreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
