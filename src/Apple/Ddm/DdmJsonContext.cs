using System.Text.Json.Serialization;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// Source-generated JSON for the DDM records. Property names are Apple's (the records use them verbatim);
/// missing required values and nulls where the model has none are refused.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokensResponse))]
[JsonSerializable(typeof(DeclarationItemsResponse))]
[JsonSerializable(typeof(Declaration))]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class DdmJsonContext : JsonSerializerContext;
