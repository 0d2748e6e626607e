namespace SaaSMdm.Core.Hosting;

/// <summary>A demo tenant made on first start, for trying the system locally (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedTenant { get; set; }

    public string TenantSlug { get; set; } = "demo";

    public string TenantDisplayName { get; set; } = "Demo Organization";

    /// <summary>
    /// When set, the demo tenant gets an enrollment token with this secret (made once), so a local run can print
    /// a working enrollment URL. For local trials only: anyone who knows it can enroll devices.
    /// </summary>
    public string? EnrollmentTokenSecret { get; set; }
}
