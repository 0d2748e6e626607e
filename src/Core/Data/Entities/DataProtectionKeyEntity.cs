namespace SaaSMdm.Core.Data.Entities;

/// <summary>An ASP.NET Core Data Protection key, shared by every Core replica through the database.</summary>
public sealed class DataProtectionKeyEntity
{
    public Guid Id { get; set; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }
}
