namespace SaaSMdm.Apple.Schema;

/// <summary>
/// Decides what a file describes from its folder: the same <c>payload</c> field means different things in
/// different folders (check-in messages and protocol objects both use <c>requesttype</c>).
/// </summary>
internal static class SchemaLocation
{
    public static (SchemaKind Kind, string TypeName) Classify(string path, YamlFields payload)
    {
        string Type(string field) => payload.String(field)
            ?? throw new SchemaFormatException(path, payload.Line, $"'payload.{field}' is required in this folder");

        return Folder(path) switch
        {
            "mdm/commands" => (SchemaKind.Command, Type("requesttype")),
            "mdm/checkin" => (SchemaKind.CheckIn, Type("requesttype")),
            "mdm/errors" => (SchemaKind.Error, Stem(path)),
            "mdm/profiles" => Type("payloadtype") is var payloadType && payloadType is "TopLevel" or "CommonPayloadKeys"
                ? (SchemaKind.ProfileEnvelope, payloadType)
                : (SchemaKind.ProfilePayload, payloadType),
            "declarative/declarations/assets/credentials" => (SchemaKind.Credential, Type("credentialtype")),
            var folder when folder.StartsWith("declarative/declarations", StringComparison.Ordinal) =>
                Type("declarationtype") is var declarationType && declarationType == "any"
                    ? (SchemaKind.DeclarationEnvelope, declarationType)
                    : (SchemaKind.Declaration, declarationType),
            "declarative/status" => payload.String("statusitemtype") is { } item
                ? (SchemaKind.StatusItem, item)
                : (SchemaKind.StatusReason, Type("declarationtype")),
            "declarative/protocol" => (SchemaKind.Protocol, Type("requesttype")),
            "other" => (SchemaKind.Other, Type("payloadtype")),
            var folder => throw new SchemaFormatException(path, null, $"folder '{folder}' holds no known kind of schema"),
        };
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static string Stem(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^".yaml".Length] : name;
    }
}
