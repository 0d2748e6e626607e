using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace SaaSMdm.Core.Api;

/// <summary>The public API services that act for one tenant, named by the <c>tenant_id</c> of every request.</summary>
public static class PublicApi
{
    public static IReadOnlyList<ServiceDescriptor> TenantScopedServices { get; } =
    [
        Contracts.V1.Devices.Descriptor,
        Contracts.V1.Commands.Descriptor,
        Contracts.V1.Enrollment.Descriptor,
        Contracts.V1.Declarations.Descriptor,
        Contracts.V1.AssetData.Descriptor,
        Contracts.V1.DeclarativeStatus.Descriptor,
    ];

    public static IEnumerable<string> ServiceNames => TenantScopedServices.Select(service => service.FullName);
}
