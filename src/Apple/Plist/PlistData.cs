using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>Raw bytes. The constructor keeps the given memory without copying, so callers must not change it afterwards.</summary>
public sealed class PlistData(ReadOnlyMemory<byte> value) : PlistValue
{
    public PlistData(byte[] value)
        : this(new ReadOnlyMemory<byte>(value ?? throw new ArgumentNullException(nameof(value))))
    {
    }

    public ReadOnlyMemory<byte> Value { get; } = value;

    public override PlistValueKind Kind => PlistValueKind.Data;

    public override bool Equals(PlistValue? other) => other is PlistData data && data.Value.Span.SequenceEqual(Value.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    internal override void AppendText(StringBuilder text) =>
        text.Append("<data ").Append(Convert.ToBase64String(Value.Span)).Append('>');
}
