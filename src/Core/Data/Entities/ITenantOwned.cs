namespace SaaSMdm.Core.Data.Entities;

/// <summary>A row that belongs to one tenant; queries see only the current tenant's rows.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
