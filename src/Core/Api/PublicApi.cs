using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace SaaSMdm.Core.Api;

/// <summary>The services of Core's public API: every call needs an access token (see <see cref="ApiAuthorizationInterceptor"/>).</summary>
public static class PublicApi
{
    /// <summary>Services that act for one tenant, named by the <c>tenant_id</c> of every request.</summary>
    public static IReadOnlyList<ServiceDescriptor> TenantScopedServices { get; } =
    [
        Contracts.V1.Devices.Descriptor,
        Contracts.V1.Commands.Descriptor,
        Contracts.V1.Enrollment.Descriptor,
        Contracts.V1.Declarations.Descriptor,
        Contracts.V1.AssetData.Descriptor,
        Contracts.V1.DeclarativeStatus.Descriptor,
        Contracts.V1.AuditLog.Descriptor,
        Contracts.V1.ApiClients.Descriptor,
        Contracts.V1.Members.Descriptor,
        Contracts.V1.Events.Descriptor,
        Contracts.V1.Webhooks.Descriptor,
    ];

    /// <summary>Services whose calls are about no single tenant, or decide access themselves from the caller.</summary>
    public static IReadOnlyList<ServiceDescriptor> AccountServices { get; } =
    [
        Contracts.V1.Tenants.Descriptor,
        Contracts.V1.Organizations.Descriptor,
        Contracts.V1.Account.Descriptor,
    ];

    public static IEnumerable<ServiceDescriptor> Services => TenantScopedServices.Concat(AccountServices);

    public static IEnumerable<string> ServiceNames => Services.Select(service => service.FullName);
}
