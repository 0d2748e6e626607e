namespace SaaSMdm.Core.Data.Entities;

/// <summary>A device's final answer to a command (or its cancellation), kept for the retention period.</summary>
public sealed class CommandResultEntity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EnrollmentId { get; set; }

    public required string CommandId { get; set; }

    public CommandResultStatus Status { get; set; }

    /// <summary>The report plist exactly as the device sent it; null for a cancellation.</summary>
    public byte[]? ResultPlist { get; set; }

    public DateTime ReceivedAt { get; set; }
}

public enum CommandResultStatus
{
    Acknowledged = 0,
    Error = 1,
    CommandFormatError = 2,
    Cancelled = 3,
}
