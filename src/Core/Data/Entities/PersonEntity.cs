using Microsoft.AspNetCore.Identity;

namespace SaaSMdm.Core.Data.Entities;

/// <summary>
/// A person who signs in (ASP.NET Core Identity's user): an operator of the service, an MSP's staff or a
/// tenant's admin. What they may do comes from <see cref="TenantMembershipEntity"/> and <see cref="MspMembershipEntity"/>.
/// </summary>
public sealed class PersonEntity : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Runs the service: may act in every tenant, create tenants and MSP organizations.</summary>
    public bool IsOperator { get; set; }

    public DateTime CreatedAt { get; set; }
}
