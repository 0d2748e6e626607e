// The namespace is not the folder's: SaaSMdm.Portal.Declarations would hide Core's Declarations client class from the portal's code.
namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>The HTML input a schema key is edited with.</summary>
public enum FormInput
{
    Text,

    /// <summary>A scalar whose schema lists its allowed values.</summary>
    Select,
    Integer,
    Real,

    /// <summary>A required boolean: unchecked is false.</summary>
    Checkbox,

    /// <summary>An optional boolean: "not set" must stay distinguishable from false, which a checkbox cannot say.</summary>
    OptionalBoolean,
    DateTime,

    /// <summary>Base64 text.</summary>
    Data,

    /// <summary>An array of scalars, one value per line.</summary>
    Lines,

    /// <summary>A dictionary with named keys, edited key by key.</summary>
    Fieldset,

    /// <summary>Anything the form cannot express field by field (arrays of dictionaries, open dictionaries, any), as JSON.</summary>
    Json,
}
