namespace SaaSMdm.Apple.Plist;

/// <summary>The eight property-list value types.</summary>
public enum PlistValueKind
{
    Dictionary,
    Array,
    String,
    Integer,
    Real,
    Boolean,
    Date,
    Data,
}
