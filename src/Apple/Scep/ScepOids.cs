namespace SaaSMdm.Apple.Scep;

/// <summary>Object identifiers of SCEP (RFC 8894) and of the algorithms it uses.</summary>
internal static class ScepOids
{
    public const string MessageType = "2.16.840.1.113733.1.9.2";
    public const string PkiStatus = "2.16.840.1.113733.1.9.3";
    public const string FailInfo = "2.16.840.1.113733.1.9.4";
    public const string SenderNonce = "2.16.840.1.113733.1.9.5";
    public const string RecipientNonce = "2.16.840.1.113733.1.9.6";
    public const string TransactionId = "2.16.840.1.113733.1.9.7";
    public const string ChallengePassword = "1.2.840.113549.1.9.7";
    public const string Aes128Cbc = "2.16.840.1.101.3.4.1.2";
    public const string Aes192Cbc = "2.16.840.1.101.3.4.1.22";
    public const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";
    public const string DesCbc = "1.3.14.3.2.7";
    public const string DesEde3Cbc = "1.2.840.113549.3.7";
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
}
