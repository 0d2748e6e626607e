using System.Globalization;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>
/// One input of a generated declaration form. <see cref="Name"/> is the key's path in the payload as the schema
/// validator spells it (<c>Settings.Port</c>), so a problem finds its field by path.
/// </summary>
public sealed record FormField(string Name, SchemaKey Key, FormInput Input, IReadOnlyList<FormField> Children)
{
    public string Label => Key.Title is { Length: > 0 } title ? $"{title} ({Key.Name})" : Key.Name;

    public string? Help => Key.Content;

    public bool Required => Key.IsRequired;

    public string? DefaultText => Key.Default?.Text;

    public IReadOnlyList<string> Options => Key.AllowedValues.Select(value => value.Text).ToArray();

    public string? Min => Key.Range?.Min is { } min ? min.ToString(CultureInfo.InvariantCulture) : null;

    public string? Max => Key.Range?.Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The scalar type of a <see cref="FormInput.Lines"/> field's items, or of the field itself.</summary>
    public SchemaValueType ItemType => Input == FormInput.Lines ? Key.Subkeys[0].Type : Key.Type;

    /// <summary>The name of the HTML input: prefixed so no key can collide with the form's own fields.</summary>
    public string InputName => FormFieldNames.Prefix + Name;

    /// <summary>An HTML id: paths contain dots, which are valid but awkward in selectors.</summary>
    public string InputId => "field-" + Name.Replace('.', '-');
}

/// <summary>How generated inputs are named in a posted form.</summary>
public static class FormFieldNames
{
    public const string Prefix = "p:";
}
