using System.Text.Json;
using System.Text.Json.Serialization;

namespace SaaSMdm.Apple.Ddm;

/// <summary>A declaration as the device fetches it from <c>declaration/&lt;category&gt;/&lt;Identifier&gt;</c>.</summary>
public sealed record Declaration
{
    [JsonConstructor]
    public Declaration(string type, string identifier, string serverToken, JsonElement payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentException.ThrowIfNullOrEmpty(serverToken);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A declaration's Payload must be a JSON object, not {payload.ValueKind}.", nameof(payload));
        }

        Type = type;
        Identifier = identifier;
        ServerToken = serverToken;
        Payload = payload.Clone();
    }

    public string Type { get; }

    public string Identifier { get; }

    public string ServerToken { get; }

    public JsonElement Payload { get; }

    [JsonIgnore]
    public DeclarationCategory Category => DeclarationCategories.FromType(Type);

    /// <summary>A declaration whose ServerToken is computed from its content (<see cref="DeclarationTokens.ServerToken"/>).</summary>
    public static Declaration Create(string type, string identifier, JsonElement payload) =>
        new(type, identifier, DeclarationTokens.ServerToken(type, identifier, payload), payload);

    [JsonIgnore]
    public DeclarationItem Item => new(Identifier, ServerToken);

    public byte[] ToJson() => DdmJson.Serialize(this, DdmJsonContext.Default.Declaration);

    /// <exception cref="DdmFormatException">The JSON is not a declaration.</exception>
    public static Declaration Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return DdmJson.Parse(json, DdmJsonContext.Default.Declaration);
        }
        catch (ArgumentException e)
        {
            throw new DdmFormatException($"Malformed Declaration: {e.Message}", e);
        }
    }

    /// <summary>Records compare their JSON payloads by reference otherwise; compare the canonical bytes instead.</summary>
    public bool Equals(Declaration? other) =>
        other is not null
        && Type == other.Type
        && Identifier == other.Identifier
        && ServerToken == other.ServerToken
        && CanonicalJson.Serialize(Payload).AsSpan().SequenceEqual(CanonicalJson.Serialize(other.Payload));

    public override int GetHashCode() => HashCode.Combine(Type, Identifier, ServerToken);
}
