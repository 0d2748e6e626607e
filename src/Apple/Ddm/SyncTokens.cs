using System.Text.Json.Serialization;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// The server's synchronization state for one enrollment. A new <see cref="DeclarationsToken"/> makes the
/// device fetch the declaration items.
/// </summary>
public sealed record SyncTokens(
    string DeclarationsToken,
    [property: JsonConverter(typeof(DdmTimestampConverter))] DateTimeOffset Timestamp);

/// <summary>The reply to the <c>tokens</c> endpoint, and the optional Data of the DeclarativeManagement command.</summary>
public sealed record TokensResponse(SyncTokens SyncTokens)
{
    public byte[] ToJson() => DdmJson.Serialize(this, DdmJsonContext.Default.TokensResponse);

    /// <exception cref="DdmFormatException">The JSON is not a tokens response.</exception>
    public static TokensResponse Parse(ReadOnlySpan<byte> json) => DdmJson.Parse(json, DdmJsonContext.Default.TokensResponse);
}
