namespace SaaSMdm.Core.Identity;

/// <summary>
/// The first accounts, created or updated at start-up from configuration (section <c>Bootstrap</c>), so a fresh
/// deployment can be reached at all. Secrets belong in environment variables or a secret store, never in appsettings.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>An operator API client (acts in every tenant, creates tenants) for automation; with its secret.</summary>
    public string? OperatorClientId { get; set; }

    public string? OperatorClientSecret { get; set; }

    /// <summary>The portal's client (password and refresh-token grants for people); with its secret.</summary>
    public string? PortalClientId { get; set; }

    public string? PortalClientSecret { get; set; }

    /// <summary>An operator person who can sign in to the portal; the password is set when the person is created.</summary>
    public string? OperatorEmail { get; set; }

    public string? OperatorPassword { get; set; }
}
