namespace SaaSMdm.Apple.Mdm;

/// <summary>A DDM request: the endpoint (<c>tokens</c>, <c>declaration-items</c>, <c>declaration/…</c>, <c>status</c>) and, for status, the report.</summary>
public sealed record DeclarativeManagementCheckIn : CheckInMessage
{
    public const string Type = "DeclarativeManagement";

    internal DeclarativeManagementCheckIn(MessageFields fields)
        : base(fields)
    {
        Endpoint = fields.RequiredText("Endpoint");
        Data = fields.Data("Data");
    }

    public string Endpoint { get; }

    /// <summary>JSON sent with the request (the status report for <c>status</c>).</summary>
    public ReadOnlyMemory<byte>? Data { get; }
}
