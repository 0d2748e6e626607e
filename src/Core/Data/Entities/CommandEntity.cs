namespace SaaSMdm.Core.Data.Entities;

/// <summary>A command as queued: stored once however many enrollments it targets.</summary>
public sealed class CommandEntity : ITenantOwned
{
    /// <summary>The CommandUUID the device echoes back.</summary>
    public required string Id { get; set; }

    public Guid TenantId { get; set; }

    public required string RequestType { get; set; }

    /// <summary>The plist sent to the device: CommandUUID and the Command dictionary.</summary>
    public required byte[] Plist { get; set; }

    public DateTime CreatedAt { get; set; }
}
