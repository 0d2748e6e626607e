using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>Turns the keys of a declaration type's schema into form fields, one per named key.</summary>
public static class SchemaFormBuilder
{
    /// <summary>Apple's key lists may refer to themselves; deeper dictionaries are edited as JSON.</summary>
    private const int MaxFieldsetDepth = 4;

    public static IReadOnlyList<FormField> Build(SchemaKeyList keys) => Build(keys, "", 0);

    private static List<FormField> Build(SchemaKeyList keys, string parent, int depth) =>
        keys.Where(key => !key.IsWildcard).Select(key => Field(key, parent.Length == 0 ? key.Name : $"{parent}.{key.Name}", depth)).ToList();

    private static FormField Field(SchemaKey key, string name, int depth)
    {
        var input = InputFor(key, depth);
        var children = input == FormInput.Fieldset ? Build(key.Subkeys, name, depth + 1) : [];
        return new FormField(name, key, input, children);
    }

    private static FormInput InputFor(SchemaKey key, int depth) => key.Type switch
    {
        SchemaValueType.Boolean => key.IsRequired ? FormInput.Checkbox : FormInput.OptionalBoolean,
        _ when key.IsScalar && key.AllowedValues.Count > 0 => FormInput.Select,
        SchemaValueType.String => FormInput.Text,
        SchemaValueType.Integer => FormInput.Integer,
        SchemaValueType.Real => FormInput.Real,
        SchemaValueType.Date => FormInput.DateTime,
        SchemaValueType.Data => FormInput.Data,
        SchemaValueType.Array when key.Subkeys is [{ IsScalar: true, Type: not SchemaValueType.Boolean }] => FormInput.Lines,
        SchemaValueType.Dictionary when key.Subkeys.Count > 0 && key.Subkeys.Wildcard is null && depth < MaxFieldsetDepth => FormInput.Fieldset,
        _ => FormInput.Json,
    };
}
