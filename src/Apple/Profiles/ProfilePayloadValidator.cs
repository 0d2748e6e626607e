using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Profiles;

/// <summary>
/// Checks a configuration profile against Apple's schema: its own keys (<c>TopLevel.yaml</c>) and each payload
/// in PayloadContent against <c>CommonPayloadKeys.yaml</c> plus the file for its PayloadType. When a type has
/// several files (com.apple.MCX), the payload passes if one of them accepts it.
/// </summary>
public sealed class ProfilePayloadValidator(AppleSchemaCatalog? catalog = null, SchemaValidationOptions? options = null)
{
    private readonly AppleSchemaCatalog _catalog = catalog ?? AppleSchemaCatalog.Default;
    private readonly SchemaValidator _validator = new(options);

    public SchemaValidationResult ValidateProfile(PlistDictionary profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var result = _validator.Validate(_catalog.ProfileTopLevel.PayloadKeys, profile);
        if (!profile.TryGetValue("PayloadContent", out var content) || content is not PlistArray payloads)
        {
            return result;
        }

        for (var index = 0; index < payloads.Count; index++)
        {
            if (payloads[index] is PlistDictionary payload)
            {
                result = result.And(ValidatePayload(payload, $"PayloadContent[{index}]"));
            }
        }

        return result;
    }

    /// <param name="path">Where the payload sits, prefixed to problem paths.</param>
    public SchemaValidationResult ValidatePayload(PlistDictionary payload, string path = "")
    {
        ArgumentNullException.ThrowIfNull(payload);
        var common = _catalog.CommonPayloadKeys.PayloadKeys;
        if (!payload.TryGetValue("PayloadType", out var typeValue) || typeValue is not PlistString type)
        {
            return _validator.Validate(common, payload, path);
        }

        var variants = _catalog.FindProfilePayloads(type.Value);
        if (variants.Count == 0)
        {
            var typePath = path.Length == 0 ? "PayloadType" : $"{path}.PayloadType";
            return new SchemaValidationResult([new SchemaProblem(typePath, SchemaProblemKind.UnknownType, $"unknown PayloadType '{type.Value}'")]);
        }

        return variants
            .Select(variant => _validator.Validate(SchemaKeyList.Combine(common, variant.PayloadKeys), payload, path))
            .OrderBy(result => result.Errors.Count())
            .First();
    }
}
