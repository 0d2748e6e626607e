using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>The status reasons a device gives, with the Identifier and ServerToken details Apple's reason list names.</summary>
internal static class DeclarationReasons
{
    public static StatusReason For(Declaration declaration, string code, string description, JsonObject? extraDetails = null)
    {
        var details = new JsonObject { ["Identifier"] = declaration.Identifier, ["ServerToken"] = declaration.ServerToken };
        foreach (var (key, value) in extraDetails ?? [])
        {
            details[key] = value?.DeepClone();
        }

        using var document = JsonDocument.Parse(details.ToJsonString());
        return new StatusReason(code, description, document.RootElement.Clone());
    }
}
