using Google.Protobuf;
using Google.Protobuf.Reflection;
using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>
/// Whose log an audited call goes to: the tenant its request names (<c>tenant_id</c>); for a call that names none
/// (Tenants.CreateTenant and other account-level RPCs), the tenant its response names (<c>tenant_id</c>, or the
/// created <see cref="Tenant"/>); otherwise none, and the call is not recorded in any tenant's log.
/// </summary>
public static class AuditTenant
{
    private const string TenantIdField = "tenant_id";

    public static Guid? Of(IMessage request, IMessage? response) =>
        Named(request) ?? (response is Tenant created ? Parse(created.Id) : response is null ? null : Named(response));

    private static Guid? Named(IMessage message) =>
        message.Descriptor.FindFieldByName(TenantIdField) is { FieldType: FieldType.String, IsRepeated: false } field
            ? Parse((string)field.Accessor.GetValue(message))
            : null;

    private static Guid? Parse(string id) => Guid.TryParse(id, out var parsed) && parsed != Guid.Empty ? parsed : null;
}
