namespace SaaSMdm.Core.Data.Entities;

/// <summary>What a person may do in a tenant; stored by number, so the numbers never change.</summary>
public enum TenantRole
{
    ReadOnly = 1,
    HelpDesk = 2,
    Admin = 3,
    Owner = 4,
}
