namespace SaaSMdm.Apple.Mdm;

/// <summary>A Mac escrows its bootstrap token; absent token means the escrowed one is to be removed.</summary>
public sealed record SetBootstrapTokenCheckIn : CheckInMessage
{
    public const string Type = "SetBootstrapToken";

    internal SetBootstrapTokenCheckIn(MessageFields fields)
        : base(fields)
    {
        BootstrapToken = fields.Data("BootstrapToken");
        AwaitingConfiguration = fields.Boolean("AwaitingConfiguration") ?? false;
    }

    public ReadOnlyMemory<byte>? BootstrapToken { get; }

    public bool AwaitingConfiguration { get; }
}
