using System.Text.Json.Nodes;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>
/// The portal's check of a payload against Apple's schema for its type, the same check Core makes on save, so a
/// person sees every problem next to its field before anything is sent.
/// </summary>
public static class DeclarationSchemaCheck
{
    private static readonly SchemaValidator Validator = new();

    public static IReadOnlyList<SchemaProblem> Problems(SchemaDocument schema, JsonObject payload) =>
        Validator.Validate(schema.PayloadKeys, payload).Errors.ToList();
}
