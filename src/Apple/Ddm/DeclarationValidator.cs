using System.Text;
using System.Text.Json;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Ddm;

/// <summary>
/// Checks a declaration against Apple's schema: the envelope (<c>declarationbase.yaml</c>, plus Apple's
/// 64-octet limit on Identifier and ServerToken) and the Payload against the file for its Type.
/// </summary>
public sealed class DeclarationValidator(AppleSchemaCatalog? catalog = null, SchemaValidationOptions? options = null)
{
    /// <summary>Apple's limit for Identifier and ServerToken, in UTF-8 octets.</summary>
    public const int MaxTokenOctets = 64;

    private readonly AppleSchemaCatalog _catalog = catalog ?? AppleSchemaCatalog.Default;
    private readonly SchemaValidator _validator = new(options);

    public SchemaValidationResult Validate(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        using var json = JsonDocument.Parse(declaration.ToJson());
        return Validate(json.RootElement);
    }

    /// <summary>Checks declaration JSON as a device would receive it.</summary>
    public SchemaValidationResult Validate(JsonElement declaration)
    {
        var envelope = _catalog.DeclarationEnvelope.PayloadKeys;
        var result = _validator.Validate(envelope, declaration).And(Lengths(declaration));
        if (!declaration.TryGetProperty("Type", out var typeValue) || typeValue.ValueKind != JsonValueKind.String)
        {
            return result;
        }

        var type = typeValue.GetString()!;
        if (_catalog.FindDeclaration(type) is not { } schema)
        {
            return result.And(new SchemaValidationResult([new SchemaProblem("Type", SchemaProblemKind.UnknownType, $"unknown declaration type '{type}'")]));
        }

        return declaration.TryGetProperty("Payload", out var payload) && payload.ValueKind == JsonValueKind.Object
            ? result.And(_validator.Validate(schema.PayloadKeys, payload, "Payload"))
            : result;
    }

    /// <exception cref="SchemaValidationException">The declaration breaks the schema.</exception>
    public void EnsureValid(Declaration declaration) =>
        Validate(declaration).ThrowIfInvalid($"Declaration {declaration.Type} '{declaration.Identifier}'");

    private static SchemaValidationResult Lengths(JsonElement declaration)
    {
        if (declaration.ValueKind != JsonValueKind.Object)
        {
            return SchemaValidationResult.Valid;
        }

        var problems = new List<SchemaProblem>();
        foreach (var key in (string[])["Identifier", "ServerToken"])
        {
            if (declaration.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                && Encoding.UTF8.GetByteCount(value.GetString()!) > MaxTokenOctets)
            {
                problems.Add(new SchemaProblem(key, SchemaProblemKind.OutOfRange, $"longer than {MaxTokenOctets} octets"));
            }
        }

        return problems.Count == 0 ? SchemaValidationResult.Valid : new SchemaValidationResult(problems);
    }
}
