namespace SaaSMdm.Apple.Schema;

/// <summary>The value types of Apple's schema (<c>&lt;string&gt;</c>, <c>&lt;integer&gt;</c> and so on).</summary>
public enum SchemaValueType
{
    String,
    Integer,
    Real,
    Boolean,
    Date,
    Data,
    Array,
    Dictionary,

    /// <summary><c>&lt;any&gt;</c>: every value is accepted and nothing inside it is checked.</summary>
    Any,
}
