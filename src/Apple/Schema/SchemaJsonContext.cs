using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SaaSMdm.Apple.Schema;

/// <summary>Source-generated conversion of <see cref="JsonNode"/> trees, so no reflection is needed.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class SchemaJsonContext : JsonSerializerContext;
