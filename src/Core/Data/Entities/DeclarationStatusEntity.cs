namespace SaaSMdm.Core.Data.Entities;

/// <summary>What an enrollment last reported about one declaration (<c>management.declarations</c>).</summary>
public sealed class DeclarationStatusEntity : ITenantOwned
{
    public Guid EnrollmentId { get; set; }

    public required string Identifier { get; set; }

    public Guid TenantId { get; set; }

    public required string Category { get; set; }

    public bool Active { get; set; }

    /// <summary><c>valid</c>, <c>invalid</c> or <c>unknown</c>, as the device said.</summary>
    public required string Valid { get; set; }

    /// <summary>The server token the status applies to; current when it equals the declaration's token.</summary>
    public required string ServerToken { get; set; }

    /// <summary>The reasons array, as JSON; null when none.</summary>
    public string? ReasonsJson { get; set; }

    public DateTime ReportedAt { get; set; }
}
