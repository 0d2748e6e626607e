namespace SaaSMdm.Core.Api.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// What the audit log needs. The host lists <see cref="AuditInterceptor"/> among its gRPC interceptors, before
    /// <see cref="ApiAuthorizationInterceptor"/>, and maps <see cref="AuditLogService"/>.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services) =>
        services.AddSingleton<AuditLogWriter>();
}
