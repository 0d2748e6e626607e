namespace SaaSMdm.Apple.Schema;

public enum SchemaProblemKind
{
    /// <summary>A key the schema marks required is absent.</summary>
    MissingRequiredKey,

    /// <summary>A value has another type than the schema states.</summary>
    WrongType,

    /// <summary>A scalar is not one of the allowed values (<c>rangelist</c>).</summary>
    ValueNotAllowed,

    /// <summary>A number lies outside the key's <c>range</c>.</summary>
    OutOfRange,

    /// <summary>A string does not match the key's <c>format</c> pattern.</summary>
    FormatMismatch,

    /// <summary>An array has fewer or more items than its item key's <c>repetition</c> allows.</summary>
    WrongItemCount,

    /// <summary>An item of an array whose items may take several forms (Settings) fits none of them.</summary>
    NoMatchingItemForm,

    /// <summary>A key the schema does not list: usually a typo, but kept either way.</summary>
    UnknownKey,

    /// <summary>The RequestType, declaration type, PayloadType or status item has no schema.</summary>
    UnknownType,

    /// <summary>The value nests deeper than the validator follows.</summary>
    TooDeep,
}
