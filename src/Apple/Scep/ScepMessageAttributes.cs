namespace SaaSMdm.Apple.Scep;

/// <summary>The SCEP authenticated attributes of a pkiMessage (plus signingTime, which SCEP borrows from CMS).</summary>
internal sealed record ScepMessageAttributes(ScepMessageType MessageType, string TransactionId, byte[] SenderNonce)
{
    public byte[]? RecipientNonce { get; init; }

    public ScepPkiStatus? PkiStatus { get; init; }

    public ScepFailInfo? FailInfo { get; init; }

    public DateTimeOffset? SigningTime { get; init; }
}
