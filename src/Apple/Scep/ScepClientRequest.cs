namespace SaaSMdm.Apple.Scep;

/// <summary>A pkiMessage ready to send, with what the client must remember to match the CertRep.</summary>
public sealed record ScepClientRequest(byte[] Message, string TransactionId, byte[] SenderNonce);
