using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Push;

/// <summary>
/// Push certificates Core makes itself, for development against the fake APNs. In production tenants upload
/// Apple's certificate, and these do nothing.
/// </summary>
public interface IPushCertificateProvisioning
{
    /// <summary>Adds a push certificate for a new tenant to the context; the caller saves it with the tenant.</summary>
    void AddFor(TenantEntity tenant);

    /// <summary>Adds one to the context for every existing tenant that has none; the caller saves.</summary>
    Task AddMissingAsync(CancellationToken cancellationToken);
}

/// <summary>Production: tenants bring Apple's certificate.</summary>
public sealed class NoPushCertificateProvisioning : IPushCertificateProvisioning
{
    public void AddFor(TenantEntity tenant)
    {
    }

    public Task AddMissingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
