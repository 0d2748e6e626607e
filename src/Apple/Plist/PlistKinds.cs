namespace SaaSMdm.Apple.Plist;

/// <summary>Maps a model type to its <see cref="PlistValueKind"/> for typed-getter errors.</summary>
internal static class PlistKinds
{
    /// <summary>The kind <typeparamref name="T"/> stands for, or null for the base type that accepts any kind.</summary>
    public static PlistValueKind? Of<T>()
        where T : PlistValue =>
        typeof(T) == typeof(PlistDictionary) ? PlistValueKind.Dictionary
        : typeof(T) == typeof(PlistArray) ? PlistValueKind.Array
        : typeof(T) == typeof(PlistString) ? PlistValueKind.String
        : typeof(T) == typeof(PlistInteger) ? PlistValueKind.Integer
        : typeof(T) == typeof(PlistReal) ? PlistValueKind.Real
        : typeof(T) == typeof(PlistBoolean) ? PlistValueKind.Boolean
        : typeof(T) == typeof(PlistDate) ? PlistValueKind.Date
        : typeof(T) == typeof(PlistData) ? PlistValueKind.Data
        : null;
}
