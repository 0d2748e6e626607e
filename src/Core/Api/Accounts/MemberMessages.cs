using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Identity;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>Members of tenants and MSPs as the API shows them.</summary>
public static class MemberMessages
{
    public static Member ToMember(MemberRow row) => new()
    {
        PersonId = row.PersonId.ToString(),
        Email = row.Email,
        DisplayName = row.DisplayName,
        Role = ApiRoles.ToApi(row.DirectRole),
        MspRole = ApiRoles.ToApi(row.MspRole),
        EffectiveRole = ApiRoles.ToApi(TenantAccess.Higher(row.DirectRole, row.MspRole)),
        EmailConfirmed = row.EmailConfirmed,
    };

    public static MspMember ToMspMember(MemberRow row) => new()
    {
        PersonId = row.PersonId.ToString(),
        Email = row.Email,
        DisplayName = row.DisplayName,
        Role = ApiRoles.ToApi(row.MspRole),
        EmailConfirmed = row.EmailConfirmed,
    };
}
