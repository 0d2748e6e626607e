using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;
using SaaSMdm.TestHosts;
using DeclarationsClient = SaaSMdm.Contracts.V1.Declarations.DeclarationsClient;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Declarations;

/// <summary>A tenant with a signed-in person of a role, Core's API as the operator to arrange and check, and devices.</summary>
public sealed class DeclarationPortalKit(CoreTestHost core, PortalTestHost portal)
{
    public DeclarationsClient Api { get; } = new(core.Channel.CreateCallInvoker());

    public async Task<(Tenant Tenant, PortalHttpSession Session)> TenantWithPersonAsync(EntityRole role)
    {
        var slug = $"d-{Guid.NewGuid():N}"[..16];
        var tenant = await core.Tenants.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Declarations " + slug });
        var person = await TestPeople.CreateAsync(core.Services, Guid.Parse(tenant.Id), role);
        return (tenant, await PortalHttpSession.SignedInAsync(portal.Address, person));
    }

    public Task<PutDeclarationResponse> PutAsync(Tenant tenant, string identifier, string type, string payloadJson) =>
        Api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = identifier, Type = type, PayloadJson = payloadJson }).ResponseAsync;

    /// <summary>Enrolled devices written straight to Core's database, as check-in leaves them.</summary>
    public Task<List<EnrollmentEntity>> SeedDevicesAsync(Tenant tenant, int count) =>
        TestDevices.SeedAsync(core.Services, tenant.Id, count, shape: (device, i) => device.DeviceName = $"Portal device {i}");
}
