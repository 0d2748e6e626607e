using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>The device asks for a token of a service (<c>com.apple.maid</c>, <c>com.apple.watch.pairing</c>).</summary>
public sealed record GetTokenCheckIn : CheckInMessage
{
    public const string Type = "GetToken";

    internal GetTokenCheckIn(MessageFields fields)
        : base(fields)
    {
        TokenServiceType = fields.RequiredText("TokenServiceType");
        TokenParameters = fields.DictionaryValue("TokenParameters");
    }

    public string TokenServiceType { get; }

    public PlistDictionary? TokenParameters { get; }

    /// <summary>The reply body carrying the token.</summary>
    public static PlistDictionary Response(ReadOnlyMemory<byte> tokenData) => new PlistDictionary().Add("TokenData", new PlistData(tokenData));
}
