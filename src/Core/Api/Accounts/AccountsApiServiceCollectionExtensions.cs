using SaaSMdm.Core.Identity;

namespace SaaSMdm.Core.Api.Accounts;

public static class AccountsApiServiceCollectionExtensions
{
    /// <summary>What the ApiClients, Members, Organizations and Account services and the account endpoints need.</summary>
    public static IServiceCollection AddAccountsApi(this IServiceCollection services)
    {
        services.AddScoped<AccountTokenDelivery>();
        services.AddScoped<PersonInvitations>();
        services.AddScoped<ApiClientStore>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<TenantRoleGrants>();
        services.AddScoped<MspAccess>();
        return services;
    }
}
