using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Writes <c>bplist00</c>. The tree is first flattened into an object table in which equal strings and
/// other equal scalars are stored once; containers are never shared. Reference and offset widths are the
/// smallest that fit. Non-ASCII strings are UTF-16BE as the format requires.
/// </summary>
internal sealed class BinaryPlistWriter(IBufferWriter<byte> output)
{
    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private static readonly long Epoch2001Ticks = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private readonly List<PlistValue> _objects = [];
    private readonly List<int> _referencesStart = [];
    private readonly List<int> _references = [];
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<PlistValue, int> _scalars = [];
    private long _written;
    private int _referenceSize;

    public void Write(PlistValue root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Flatten(root, 0);
        _referenceSize = BytesNeeded((ulong)_objects.Count - 1);
        WriteBytes("bplist00"u8);
        var offsets = new long[_objects.Count];
        for (var index = 0; index < _objects.Count; index++)
        {
            offsets[index] = _written;
            WriteObject(index);
        }

        var offsetTableStart = _written;
        var offsetSize = BytesNeeded((ulong)offsets[^1]);
        foreach (var offset in offsets)
        {
            WriteUnsigned((ulong)offset, offsetSize);
        }

        WriteBytes([0, 0, 0, 0, 0, 0, (byte)offsetSize, (byte)_referenceSize]);
        WriteUnsigned((ulong)_objects.Count, 8);
        WriteUnsigned(0, 8);
        WriteUnsigned((ulong)offsetTableStart, 8);
    }

    /// <summary>Assigns object indices depth-first (the root gets 0) and records each container's child references.</summary>
    private int Flatten(PlistValue value, int depth)
    {
        switch (value)
        {
            case PlistString text:
                return StringIndex(text.Value, text);
            case PlistDictionary dictionary:
            {
                var index = AddContainer(dictionary, depth + 1, 2 * dictionary.Count, out var start);
                var position = 0;
                foreach (var (key, item) in dictionary)
                {
                    _references[start + position] = StringIndex(key, null);
                    _references[start + dictionary.Count + position] = Flatten(item, depth + 1);
                    position++;
                }

                return index;
            }

            case PlistArray array:
            {
                var index = AddContainer(array, depth + 1, array.Count, out var start);
                for (var position = 0; position < array.Count; position++)
                {
                    _references[start + position] = Flatten(array[position], depth + 1);
                }

                return index;
            }

            default:
                if (!_scalars.TryGetValue(value, out var scalar))
                {
                    scalar = AddObject(value);
                    _scalars.Add(value, scalar);
                }

                return scalar;
        }
    }

    private int AddContainer(PlistValue container, int depth, int referenceCount, out int start)
    {
        PlistWriterDepth.Check(depth);
        var index = AddObject(container);
        start = _references.Count;
        _referencesStart[index] = start;
        _references.AddRange(Enumerable.Repeat(0, referenceCount));
        return index;
    }

    private int StringIndex(string text, PlistString? existing)
    {
        if (!_strings.TryGetValue(text, out var index))
        {
            index = AddObject(existing ?? new PlistString(text));
            _strings.Add(text, index);
        }

        return index;
    }

    private int AddObject(PlistValue value)
    {
        _objects.Add(value);
        _referencesStart.Add(-1);
        return _objects.Count - 1;
    }

    private void WriteObject(int index)
    {
        switch (_objects[index])
        {
            case PlistBoolean boolean:
                WriteByte(boolean.Value ? (byte)0x09 : (byte)0x08);
                break;
            case PlistInteger integer:
                WriteInteger(integer.Value);
                break;
            case PlistReal real:
                WriteByte(0x23);
                WriteUnsigned(BitConverter.DoubleToUInt64Bits(real.Value), 8);
                break;
            case PlistDate date:
                WriteByte(0x33);
                var seconds = (date.Value.UtcTicks - Epoch2001Ticks) / (double)TimeSpan.TicksPerSecond;
                WriteUnsigned(BitConverter.DoubleToUInt64Bits(seconds), 8);
                break;
            case PlistData data:
                WriteMarker(0x40, data.Value.Length);
                WriteBytes(data.Value.Span);
                break;
            case PlistString text:
                WriteString(text.Value);
                break;
            case PlistArray array:
                WriteMarker(0xA0, array.Count);
                WriteReferences(_referencesStart[index], array.Count);
                break;
            case PlistDictionary dictionary:
                WriteMarker(0xD0, dictionary.Count);
                WriteReferences(_referencesStart[index], 2 * dictionary.Count);
                break;
        }
    }

    private void WriteString(string text)
    {
        if (Ascii.IsValid(text))
        {
            WriteMarker(0x50, text.Length);
            var ascii = output.GetSpan(text.Length);
            Ascii.FromUtf16(text, ascii, out var written);
            Advance(written);
            return;
        }

        WriteMarker(0x60, text.Length);
        try
        {
            var utf16 = output.GetSpan(text.Length * 2);
            Advance(StrictUtf16BigEndian.GetBytes(text, utf16));
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("an unpaired surrogate cannot be written to a binary plist.", e);
        }
    }

    private void WriteReferences(int start, int count)
    {
        for (var position = start; position < start + count; position++)
        {
            WriteUnsigned((ulong)_references[position], _referenceSize);
        }
    }

    /// <summary>Counts under 15 share the marker byte; larger ones follow it as an integer object.</summary>
    private void WriteMarker(byte type, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)(type | count));
            return;
        }

        WriteByte((byte)(type | 0xF));
        WriteInteger(count);
    }

    /// <summary>Non-negative integers use the smallest of 1, 2, 4 or 8 bytes; negative ones always take 8.</summary>
    private void WriteInteger(long value)
    {
        var size = value < 0 ? 8 : BytesNeeded((ulong)value) switch
        {
            1 => 1,
            2 => 2,
            <= 4 => 4,
            _ => 8,
        };
        WriteByte((byte)(0x10 | BitOperations.Log2((uint)size)));
        WriteUnsigned((ulong)value, size);
    }

    private static int BytesNeeded(ulong value) => Math.Max(1, (64 - BitOperations.LeadingZeroCount(value) + 7) / 8);

    private void WriteUnsigned(ulong value, int size)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        WriteBytes(bytes[(8 - size)..]);
    }

    private void WriteByte(byte value) => WriteBytes([value]);

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        _written += bytes.Length;
    }

    private void Advance(int count)
    {
        output.Advance(count);
        _written += count;
    }
}
