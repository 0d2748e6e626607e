using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// A property-list value. The subclasses are sealed and compare structurally across the whole tree,
/// so two values read from different encodings of the same document are equal.
/// </summary>
public abstract class PlistValue : IEquatable<PlistValue>
{
    private protected PlistValue()
    {
    }

    public abstract PlistValueKind Kind { get; }

    public abstract bool Equals(PlistValue? other);

    public sealed override bool Equals(object? obj) => obj is PlistValue other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>A compact, JSON-like rendering of the whole tree, meant for logs and test failures.</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    internal abstract void AppendText(StringBuilder text);

    public static implicit operator PlistValue(string value) => new PlistString(value);

    public static implicit operator PlistValue(long value) => new PlistInteger(value);

    public static implicit operator PlistValue(int value) => new PlistInteger(value);

    public static implicit operator PlistValue(bool value) => PlistBoolean.From(value);

    public static implicit operator PlistValue(double value) => new PlistReal(value);

    public static implicit operator PlistValue(DateTimeOffset value) => new PlistDate(value);

    public static implicit operator PlistValue(byte[] value) => new PlistData(value);

    public static bool operator ==(PlistValue? left, PlistValue? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(PlistValue? left, PlistValue? right) => !(left == right);
}
