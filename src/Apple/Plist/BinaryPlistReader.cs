using System.Buffers.Binary;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Reads <c>bplist00</c> documents in place from the input span. Every offset, reference and length is
/// checked against the file before use; objects may be shared (the tree is expanded, bounded by
/// MaxObjects) but an object that references one of its own ancestors is a cycle and is refused.
/// </summary>
internal ref struct BinaryPlistReader
{
    private const int HeaderLength = 8;
    private const int TrailerLength = 32;

    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private static readonly long Epoch2001Ticks = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private readonly ReadOnlySpan<byte> _input;
    private readonly PlistBudget _budget;
    private readonly PlistKeyCache _keys = new();
    private readonly int[] _ancestors;
    private readonly int _offsetSize;
    private readonly int _referenceSize;
    private readonly int _objectCount;
    private readonly int _topObject;
    private readonly int _offsetTableStart;

    private BinaryPlistReader(ReadOnlySpan<byte> input, PlistReaderOptions options)
    {
        _input = input;
        _budget = new PlistBudget(options);
        _ancestors = new int[options.MaxDepth];
        if (input.Length < HeaderLength + 1 + TrailerLength)
        {
            throw new PlistFormatException("too short for a binary plist header, one object and a trailer", input.Length);
        }

        var trailerStart = input.Length - TrailerLength;
        var trailer = input[trailerStart..];
        _offsetSize = trailer[6] is >= 1 and <= 8 ? trailer[6] : throw new PlistFormatException($"trailer offset size {trailer[6]} is not 1 to 8", trailerStart + 6);
        _referenceSize = trailer[7] is >= 1 and <= 8 ? trailer[7] : throw new PlistFormatException($"trailer reference size {trailer[7]} is not 1 to 8", trailerStart + 7);
        var objectCount = BinaryPrimitives.ReadUInt64BigEndian(trailer[8..]);
        var topObject = BinaryPrimitives.ReadUInt64BigEndian(trailer[16..]);
        var tableStart = BinaryPrimitives.ReadUInt64BigEndian(trailer[24..]);
        if (tableStart <= HeaderLength || tableStart >= (ulong)trailerStart)
        {
            throw new PlistFormatException($"trailer puts the offset table at {tableStart}, outside the file", trailerStart + 24);
        }

        if (objectCount == 0 || objectCount > (ulong)(trailerStart - (int)tableStart) / (ulong)_offsetSize)
        {
            throw new PlistFormatException($"trailer declares {objectCount} objects, which does not fit the offset table", trailerStart + 8);
        }

        if (topObject >= objectCount)
        {
            throw new PlistFormatException($"trailer names top object {topObject} of {objectCount}", trailerStart + 16);
        }

        _objectCount = (int)objectCount;
        _topObject = (int)topObject;
        _offsetTableStart = (int)tableStart;
    }

    public static PlistValue Read(ReadOnlySpan<byte> input, PlistReaderOptions options)
    {
        var reader = new BinaryPlistReader(input, options);
        return reader.ReadObject(reader._topObject, 0);
    }

    /// <summary>Reads object <paramref name="index"/>, which sits inside <paramref name="depth"/> containers.</summary>
    private readonly PlistValue ReadObject(int index, int depth)
    {
        var offset = ObjectOffset(index);
        _budget.CountValue(offset);
        var marker = _input[offset];
        var low = marker & 0xF;
        return (marker >> 4) switch
        {
            0x0 when marker == 0x08 => PlistBoolean.False,
            0x0 when marker == 0x09 => PlistBoolean.True,
            0x1 => new PlistInteger(ReadInteger(offset, low)),
            0x2 => new PlistReal(ReadReal(offset, low)),
            0x3 when low == 3 => new PlistDate(ReadDate(offset)),
            0x4 => new PlistData(Sized(offset, low, 1).ToArray()),
            0x5 or 0x6 => new PlistString(ReadString(offset)),
            0x8 => throw new PlistFormatException("UID objects (keyed archives) are not property-list values", offset),
            0xA => ReadArray(index, offset, low, depth + 1),
            0xC => throw new PlistFormatException("sets are not property-list values", offset),
            0xD => ReadDictionary(index, offset, low, depth + 1),
            _ => throw new PlistFormatException($"unknown object marker 0x{marker:X2}", offset),
        };
    }

    private readonly PlistArray ReadArray(int index, int offset, int low, int depth)
    {
        var references = Sized(offset, low, _referenceSize);
        var count = references.Length / _referenceSize;
        EnterContainer(index, offset, depth, count);
        var referencesStart = offset + LengthPrefix(offset, low);
        var array = new PlistArray(count);
        for (var item = 0; item < count; item++)
        {
            array.Add(ReadObject(ChildReference(referencesStart + (item * _referenceSize), depth), depth));
        }

        return array;
    }

    private readonly PlistDictionary ReadDictionary(int index, int offset, int low, int depth)
    {
        var references = Sized(offset, low, 2 * _referenceSize);
        var count = references.Length / (2 * _referenceSize);
        EnterContainer(index, offset, depth, count);
        var keysStart = offset + LengthPrefix(offset, low);
        var valuesStart = keysStart + (count * _referenceSize);
        var dictionary = new PlistDictionary(count);
        for (var entry = 0; entry < count; entry++)
        {
            var keyPosition = keysStart + (entry * _referenceSize);
            var key = ReadKey(Reference(keyPosition), keyPosition);
            var value = ReadObject(ChildReference(valuesStart + (entry * _referenceSize), depth), depth);
            if (!dictionary.TryAdd(key, value))
            {
                throw new PlistFormatException($"duplicate key '{key}'", keyPosition);
            }
        }

        return dictionary;
    }

    private readonly void EnterContainer(int index, int offset, int depth, int count)
    {
        _budget.CheckDepth(depth, offset);
        _budget.CheckRemaining(count, offset);
        _ancestors[depth - 1] = index;
    }

    /// <summary>Reads a child reference, refusing one that points back at an enclosing container.</summary>
    private readonly int ChildReference(int position, int depth)
    {
        var child = Reference(position);
        return _ancestors.AsSpan(0, depth).Contains(child)
            ? throw new PlistFormatException($"object {child} contains itself (cyclic reference)", position)
            : child;
    }

    private readonly string ReadKey(int index, int referencePosition)
    {
        var offset = ObjectOffset(index);
        if ((_input[offset] >> 4) is not (0x5 or 0x6))
        {
            throw new PlistFormatException($"dictionary key (object {index}) is not a string", referencePosition);
        }

        var isAscii = (_input[offset] >> 4) == 0x5;
        var bytes = Sized(offset, _input[offset] & 0xF, isAscii ? 1 : 2);
        var length = isAscii ? bytes.Length : bytes.Length / 2;
        if (length > PlistKeyCache.MaxCachedLength)
        {
            return ReadString(offset);
        }

        Span<char> chars = stackalloc char[PlistKeyCache.MaxCachedLength];
        return _keys.Intern(chars[..DecodeString(bytes, isAscii, offset, chars)]);
    }

    private readonly string ReadString(int offset)
    {
        var isAscii = (_input[offset] >> 4) == 0x5;
        var bytes = Sized(offset, _input[offset] & 0xF, isAscii ? 1 : 2);
        try
        {
            return StringEncoding(bytes, isAscii, offset).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw UnpairedSurrogate(offset);
        }
    }

    private static int DecodeString(ReadOnlySpan<byte> bytes, bool isAscii, int offset, Span<char> chars)
    {
        try
        {
            return StringEncoding(bytes, isAscii, offset).GetChars(bytes, chars);
        }
        catch (DecoderFallbackException)
        {
            throw UnpairedSurrogate(offset);
        }
    }

    /// <summary>ASCII is checked first, after which Latin-1 is an exact, fast copy; UTF-16BE is decoded strictly.</summary>
    private static Encoding StringEncoding(ReadOnlySpan<byte> bytes, bool isAscii, int offset) =>
        !isAscii ? StrictUtf16BigEndian
        : Ascii.IsValid(bytes) ? Encoding.Latin1
        : throw new PlistFormatException("ASCII string holds a byte above 0x7F", offset);

    private static PlistFormatException UnpairedSurrogate(int offset) => new("invalid UTF-16 string (unpaired surrogate)", offset);

    private readonly long ReadInteger(int offset, int low)
    {
        if (low > 4)
        {
            throw new PlistFormatException($"integer of 2^{low} bytes", offset);
        }

        var bytes = Content(offset + 1, 1 << low, offset);
        return bytes.Length switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            8 => BinaryPrimitives.ReadInt64BigEndian(bytes),
            _ => ReadInt128(bytes, offset),
        };
    }

    /// <summary>16-byte integers are signed 128-bit; only those that fit in 64 bits are accepted.</summary>
    private static long ReadInt128(ReadOnlySpan<byte> bytes, int offset)
    {
        var high = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        return high == low >> 63 ? low : throw new PlistFormatException("integer is outside the signed 64-bit range", offset);
    }

    private readonly double ReadReal(int offset, int low) => low switch
    {
        2 => BinaryPrimitives.ReadSingleBigEndian(Content(offset + 1, 4, offset)),
        3 => BinaryPrimitives.ReadDoubleBigEndian(Content(offset + 1, 8, offset)),
        _ => throw new PlistFormatException($"real of 2^{low} bytes", offset),
    };

    /// <summary>Dates are seconds since 2001-01-01T00:00:00Z as a double.</summary>
    private readonly DateTimeOffset ReadDate(int offset)
    {
        var seconds = BinaryPrimitives.ReadDoubleBigEndian(Content(offset + 1, 8, offset));
        var ticksFromEpoch = Math.Round(seconds * TimeSpan.TicksPerSecond);
        return ticksFromEpoch >= DateTimeOffset.MinValue.UtcTicks - Epoch2001Ticks && ticksFromEpoch <= DateTimeOffset.MaxValue.UtcTicks - Epoch2001Ticks
            ? new DateTimeOffset((long)ticksFromEpoch + Epoch2001Ticks, TimeSpan.Zero)
            : throw new PlistFormatException($"date {seconds} seconds from 2001 is out of range", offset);
    }

    /// <summary>The content of a counted object: the count is in the marker's low nibble or, at 0xF, in an integer that follows.</summary>
    private readonly ReadOnlySpan<byte> Sized(int offset, int low, int unitSize)
    {
        var count = low != 0xF ? low : ReadLength(offset);
        return Content(offset + LengthPrefix(offset, low), (long)count * unitSize, offset);
    }

    private readonly int LengthPrefix(int offset, int low) => low != 0xF ? 1 : 2 + (1 << (_input[offset + 1] & 0xF));

    private readonly int ReadLength(int offset)
    {
        var marker = Content(offset + 1, 1, offset)[0];
        if ((marker >> 4) != 0x1 || (marker & 0xF) > 3)
        {
            throw new PlistFormatException($"object at {offset} has a malformed length (marker 0x{marker:X2})", offset + 1);
        }

        var length = ReadUnsigned(Content(offset + 2, 1 << (marker & 0xF), offset));
        return length <= int.MaxValue ? (int)length : throw new PlistFormatException($"declared length {length} is too large", offset + 1);
    }

    /// <summary>Bytes of an object, which must lie before the offset table.</summary>
    private readonly ReadOnlySpan<byte> Content(int start, long length, int objectOffset) =>
        length <= _offsetTableStart - start
            ? _input.Slice(start, (int)length)
            : throw new PlistFormatException($"object at {objectOffset} runs past the end of the object data", objectOffset);

    private readonly int ObjectOffset(int index)
    {
        var position = _offsetTableStart + (index * _offsetSize);
        var offset = ReadUnsigned(_input.Slice(position, _offsetSize));
        return offset >= HeaderLength && offset < (ulong)_offsetTableStart
            ? (int)offset
            : throw new PlistFormatException($"offset table entry {index} points to {offset}, outside the object data", position);
    }

    private readonly int Reference(int position)
    {
        var reference = ReadUnsigned(_input.Slice(position, _referenceSize));
        return reference < (ulong)_objectCount
            ? (int)reference
            : throw new PlistFormatException($"object reference {reference} is outside the {_objectCount} objects", position);
    }

    private static ulong ReadUnsigned(ReadOnlySpan<byte> bigEndian)
    {
        ulong value = 0;
        foreach (var b in bigEndian)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
