namespace SaaSMdm.Core.Data.Entities;

/// <summary>One management property of an enrollment (<c>com.apple.management.properties</c>), for activation predicates.</summary>
public sealed class ManagementPropertyEntity : ITenantOwned
{
    public Guid EnrollmentId { get; set; }

    public required string Key { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The value as JSON (string, number or boolean).</summary>
    public required string ValueJson { get; set; }
}
