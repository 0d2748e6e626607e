using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Api.Declarations;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Tenants;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>
/// Who holds roles where, read in one query per page: a tenant's people (their own role and the one through the
/// tenant's MSP), an MSP's people. Memberships are not tenant-owned rows, so every query names its tenant or MSP.
/// </summary>
public sealed class MemberDirectory(CoreDbContext db)
{
    /// <summary>People with a role in the tenant, directly or through <paramref name="mspOrganizationId"/> (the tenant's MSP).</summary>
    public IQueryable<MemberRow> OfTenant(Guid tenantId, Guid? mspOrganizationId) =>
        Rows(
            db.Users.Where(p => db.TenantMemberships.Any(m => m.TenantId == tenantId && m.PersonId == p.Id)
                || (mspOrganizationId != null && db.MspMemberships.Any(m => m.MspOrganizationId == mspOrganizationId && m.PersonId == p.Id))),
            tenantId,
            mspOrganizationId);

    /// <summary>The MSP's people, their MSP role as <see cref="MemberRow.MspRole"/>.</summary>
    public IQueryable<MemberRow> OfMsp(Guid mspOrganizationId) =>
        Rows(db.Users.Where(p => db.MspMemberships.Any(m => m.MspOrganizationId == mspOrganizationId && m.PersonId == p.Id)), tenantId: null, mspOrganizationId);

    private IQueryable<MemberRow> Rows(IQueryable<PersonEntity> people, Guid? tenantId, Guid? mspOrganizationId) =>
        people.AsNoTracking().Select(p => new MemberRow
        {
            PersonId = p.Id,
            Email = p.Email ?? "",
            DisplayName = p.DisplayName,
            EmailConfirmed = p.EmailConfirmed,
            DirectRole = db.TenantMemberships.Where(m => m.TenantId == tenantId && m.PersonId == p.Id).Select(m => (TenantRole?)m.Role).FirstOrDefault(),
            MspRole = db.MspMemberships.Where(m => m.MspOrganizationId == mspOrganizationId && m.PersonId == p.Id).Select(m => (TenantRole?)m.Role).FirstOrDefault(),
        });

    /// <summary>A page of <paramref name="members"/> in email order (emails are unique) and the next page's token.</summary>
    public static async Task<(List<MemberRow> Page, string NextPageToken)> PageAsync(IQueryable<MemberRow> members, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.Size(pageSize);
        if (NamePage.After(pageToken) is { } after)
        {
            members = members.Where(m => string.Compare(m.Email, after) > 0);
        }

        return NamePage.Split(await members.OrderBy(m => m.Email).Take(size + 1).ToListAsync(cancellationToken), size, m => m.Email);
    }
}

/// <summary>A person and their roles in one tenant or MSP.</summary>
public sealed class MemberRow
{
    public Guid PersonId { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public bool EmailConfirmed { get; init; }

    /// <summary>The person's own role in the tenant.</summary>
    public TenantRole? DirectRole { get; init; }

    /// <summary>The person's role in the MSP (of the tenant).</summary>
    public TenantRole? MspRole { get; init; }
}
