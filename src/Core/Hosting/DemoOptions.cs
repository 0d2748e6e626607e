namespace SaaSMdm.Core.Hosting;

/// <summary>A demo tenant made on first start, for trying the system locally (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedTenant { get; set; }

    public string TenantSlug { get; set; } = "demo";

    public string TenantDisplayName { get; set; } = "Demo Organization";
}
