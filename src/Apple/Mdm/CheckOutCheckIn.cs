namespace SaaSMdm.Apple.Mdm;

/// <summary>The MDM profile was removed (sent only when the profile sets CheckOutWhenRemoved).</summary>
public sealed record CheckOutCheckIn : CheckInMessage
{
    public const string Type = "CheckOut";

    internal CheckOutCheckIn(MessageFields fields)
        : base(fields)
    {
        Topic = fields.Text("Topic");
    }

    public string? Topic { get; }
}
