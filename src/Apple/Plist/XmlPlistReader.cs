using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SaaSMdm.Apple.Plist;

/// <summary>
/// Reads XML property lists with a scanner that understands exactly the XML plists use. It never processes a
/// DTD: Apple's DOCTYPE is recognised and skipped, internal subsets and SYSTEM identifiers are refused, and
/// the only entities are XML's five predefined ones plus character references, so nothing is fetched or
/// expanded. Input is UTF-8 (BOM optional) or UTF-16, which is transcoded to UTF-8 first.
/// </summary>
internal ref struct XmlPlistReader
{
    private static readonly SearchValues<byte> IllegalControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly SearchValues<byte> TextDelimiters = SearchValues.Create("<&\r"u8);

    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\r\n/>=?["u8);

    private static readonly Encoding StrictUtf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _input;
    private readonly PlistBudget _budget;
    private readonly XmlPlistScratch _scratch = new();
    private int _position;

    private XmlPlistReader(ReadOnlySpan<byte> utf8, PlistReaderOptions options)
    {
        _input = utf8;
        _budget = new PlistBudget(options);
    }

    private readonly bool AtEnd => _position >= _input.Length;

    public static PlistValue Read(ReadOnlySpan<byte> input, PlistReaderOptions options) =>
        Utf16ByteOrder(input) is { } order
            ? ReadUtf8(TranscodeUtf16(input, order.BigEndian, order.BomLength), options)
            : ReadUtf8(input, options);

    private static PlistValue ReadUtf8(ReadOnlySpan<byte> utf8, PlistReaderOptions options)
    {
        try
        {
            RejectIllegalBytes(utf8);
            var reader = new XmlPlistReader(utf8, options);
            return reader.ReadDocument();
        }
        catch (PlistFormatException e) when (e.Line is null)
        {
            throw WithLineAndColumn(e, utf8);
        }
    }

    private PlistValue ReadDocument()
    {
        if (StartsWith("\uFEFF"u8))
        {
            _position += 3;
        }

        if (StartsWith("<?xml"u8) && IsWhitespace(_position + 5))
        {
            ReadXmlDeclaration();
        }

        SkipMisc();
        if (StartsWith("<!DOCTYPE"u8))
        {
            SkipDoctype();
            SkipMisc();
        }

        var rootStart = _position;
        if (!AtStartTag())
        {
            throw Fail("expected the <plist> root element", rootStart);
        }

        var name = ReadStartTag(out var empty);
        if (!name.SequenceEqual("plist"u8))
        {
            throw Fail($"the root element must be <plist>, found <{XmlPlistScalars.Preview(name)}>", rootStart);
        }

        if (empty)
        {
            throw Fail("<plist> holds no value", rootStart);
        }

        SkipMisc();
        var root = ReadValue(0);
        SkipMisc();
        ReadEndTag("plist"u8);
        SkipMisc();
        return AtEnd ? root : throw Fail("content after </plist>", _position);
    }

    /// <summary>Reads one value element; <paramref name="depth"/> counts the containers around it.</summary>
    private PlistValue ReadValue(int depth)
    {
        var start = _position;
        if (!AtStartTag())
        {
            throw Fail(AtEnd ? "input ends where a value was expected" : "expected a value element", start);
        }

        var name = ReadStartTag(out var empty);
        _budget.CountValue(start);
        if (name.SequenceEqual("dict"u8))
        {
            return ReadDictionary(depth + 1, start, empty);
        }

        if (name.SequenceEqual("array"u8))
        {
            return ReadArray(depth + 1, start, empty);
        }

        if (name.SequenceEqual("string"u8))
        {
            return new PlistString(empty ? string.Empty : Encoding.UTF8.GetString(ReadText(name)));
        }

        if (name.SequenceEqual("true"u8) || name.SequenceEqual("false"u8))
        {
            if (!empty)
            {
                ReadEndTag(name);
            }

            return PlistBoolean.From(name[0] == 't');
        }

        var text = empty ? [] : ReadText(name);
        if (name.SequenceEqual("integer"u8))
        {
            return new PlistInteger(XmlPlistScalars.ParseInteger(text, start));
        }

        if (name.SequenceEqual("real"u8))
        {
            return new PlistReal(XmlPlistScalars.ParseReal(text, start));
        }

        if (name.SequenceEqual("date"u8))
        {
            return new PlistDate(XmlPlistScalars.ParseDate(text, start));
        }

        if (name.SequenceEqual("data"u8))
        {
            return new PlistData(XmlPlistScalars.ParseData(text, start));
        }

        throw Fail(
            name.SequenceEqual("key"u8) ? "<key> outside a <dict>" : $"unknown element <{XmlPlistScalars.Preview(name)}>",
            start);
    }

    private PlistDictionary ReadDictionary(int depth, int start, bool empty)
    {
        _budget.CheckDepth(depth, start);
        if (empty)
        {
            return new PlistDictionary();
        }

        var entries = _scratch.Entries;
        var first = entries.Count;
        while (true)
        {
            SkipMisc();
            if (StartsWith("</"u8))
            {
                ReadEndTag("dict"u8);
                break;
            }

            var keyPosition = _position;
            var key = ReadKey();
            SkipMisc();
            if (StartsWith("</"u8))
            {
                throw Fail($"key '{key}' has no value", _position);
            }

            entries.Add(new XmlPlistScratch.KeyedValue(key, ReadValue(depth), keyPosition));
        }

        var dictionary = new PlistDictionary(entries.Count - first);
        for (var index = first; index < entries.Count; index++)
        {
            var entry = entries[index];
            if (!dictionary.TryAdd(entry.Key, entry.Value))
            {
                throw Fail($"duplicate key '{entry.Key}'", entry.KeyPosition);
            }
        }

        entries.RemoveRange(first, entries.Count - first);
        return dictionary;
    }

    private PlistArray ReadArray(int depth, int start, bool empty)
    {
        _budget.CheckDepth(depth, start);
        if (empty)
        {
            return new PlistArray();
        }

        var items = _scratch.Items;
        var first = items.Count;
        while (true)
        {
            SkipMisc();
            if (StartsWith("</"u8))
            {
                ReadEndTag("array"u8);
                break;
            }

            items.Add(ReadValue(depth));
        }

        var array = new PlistArray(items.Count - first);
        for (var index = first; index < items.Count; index++)
        {
            array.Add(items[index]);
        }

        items.RemoveRange(first, items.Count - first);
        return array;
    }

    private string ReadKey()
    {
        var start = _position;
        if (!AtStartTag())
        {
            throw Fail("expected <key> in <dict>", start);
        }

        var name = ReadStartTag(out var empty);
        if (!name.SequenceEqual("key"u8))
        {
            throw Fail($"expected <key> in <dict>, found <{XmlPlistScalars.Preview(name)}>", start);
        }

        if (empty)
        {
            return string.Empty;
        }

        var utf8 = ReadText(name);
        if (utf8.Length > PlistKeyCache.MaxCachedLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[PlistKeyCache.MaxCachedLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return _scratch.Keys.Intern(chars[..length]);
    }

    /// <summary>
    /// Reads element text up to the end tag. Plain text is returned as a slice of the input; text with
    /// references, CDATA, comments or carriage returns is decoded into the scratch buffer.
    /// </summary>
    private ReadOnlySpan<byte> ReadText(ReadOnlySpan<byte> element)
    {
        var start = _position;
        var delimiter = start + NextTextDelimiter();
        if (_input[delimiter] == '<' && StartsWithAt(delimiter, "</"u8))
        {
            _position = delimiter;
            ReadEndTag(element);
            return _input[start..delimiter];
        }

        var buffer = _scratch.Text;
        buffer.ResetWrittenCount();
        while (true)
        {
            delimiter = _position + NextTextDelimiter();
            buffer.Write(_input[_position..delimiter]);
            _position = delimiter;
            if (_input[delimiter] == '&')
            {
                AppendReference(buffer);
            }
            else if (_input[delimiter] == '\r')
            {
                AppendLineBreak(buffer);
            }
            else if (StartsWith("</"u8))
            {
                ReadEndTag(element);
                return buffer.WrittenSpan;
            }
            else if (StartsWith("<![CDATA["u8))
            {
                AppendCData(buffer);
            }
            else if (StartsWith("<!--"u8))
            {
                SkipPast("-->"u8, "unterminated comment");
            }
            else
            {
                throw Fail($"unexpected markup inside <{XmlPlistScalars.Preview(element)}>", _position);
            }
        }
    }

    private readonly int NextTextDelimiter()
    {
        var offset = _input[_position..].IndexOfAny(TextDelimiters);
        return offset >= 0 ? offset : throw Fail("input ends inside element text", _input.Length);
    }

    /// <summary>XML reports every CR LF and lone CR as LF.</summary>
    private void AppendLineBreak(ArrayBufferWriter<byte> buffer)
    {
        _position++;
        if (StartsWith("\n"u8))
        {
            _position++;
        }

        buffer.Write("\n"u8);
    }

    private void AppendCData(ArrayBufferWriter<byte> buffer)
    {
        var start = _position;
        _position += "<![CDATA["u8.Length;
        var end = _input[_position..].IndexOf("]]>"u8);
        if (end < 0)
        {
            throw Fail("unterminated CDATA section", start);
        }

        end += _position;
        while (_position < end)
        {
            var carriageReturn = _input[_position..end].IndexOf((byte)'\r');
            if (carriageReturn < 0)
            {
                buffer.Write(_input[_position..end]);
                _position = end;
            }
            else
            {
                buffer.Write(_input.Slice(_position, carriageReturn));
                _position += carriageReturn;
                AppendLineBreak(buffer);
            }
        }

        _position = end + 3;
    }

    /// <summary>Decodes XML's predefined entities and character references; any other entity is refused.</summary>
    private void AppendReference(ArrayBufferWriter<byte> buffer)
    {
        var start = _position;
        var rest = _input[(start + 1)..];
        var semicolon = rest[..Math.Min(rest.Length, 12)].IndexOf((byte)';');
        if (semicolon < 0)
        {
            throw Fail("'&' that does not start an entity or character reference", start);
        }

        var name = rest[..semicolon];
        _position = start + semicolon + 2;
        ReadOnlySpan<byte> replacement =
            name.SequenceEqual("amp"u8) ? "&"u8
            : name.SequenceEqual("lt"u8) ? "<"u8
            : name.SequenceEqual("gt"u8) ? ">"u8
            : name.SequenceEqual("quot"u8) ? "\""u8
            : name.SequenceEqual("apos"u8) ? "'"u8
            : [];
        if (!replacement.IsEmpty)
        {
            buffer.Write(replacement);
            return;
        }

        if (name is not [(byte)'#', ..])
        {
            throw Fail($"entity &{XmlPlistScalars.Preview(name)}; is not one of XML's predefined entities; no others are accepted", start);
        }

        var rune = CharacterReference(name[1..]) ?? throw Fail($"&{XmlPlistScalars.Preview(name)}; is not a valid XML character reference", start);
        buffer.Advance(rune.EncodeToUtf8(buffer.GetSpan(4)));
    }

    private static Rune? CharacterReference(ReadOnlySpan<byte> digits)
    {
        var hex = digits is [(byte)'x', ..];
        var body = hex ? digits[1..] : digits;
        if (body.IsEmpty || body.Length > 8)
        {
            return null;
        }

        var value = 0;
        foreach (var b in body)
        {
            var digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : hex && (b | 0x20) is >= 'a' and <= 'f' ? (b | 0x20) - 'a' + 10
                : -1;
            if (digit < 0)
            {
                return null;
            }

            value = (value * (hex ? 16 : 10)) + digit;
        }

        return IsXmlCharacter(value) ? new Rune(value) : null;
    }

    private static bool IsXmlCharacter(int value) =>
        value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private void ReadXmlDeclaration()
    {
        var start = _position;
        _position += "<?xml"u8.Length;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                throw Fail("unterminated XML declaration", start);
            }

            if (StartsWith("?>"u8))
            {
                _position += 2;
                return;
            }

            var name = ReadName();
            var valueStart = _position;
            var value = ReadAttributeValue();
            if (name.SequenceEqual("encoding"u8) && !Ascii.EqualsIgnoreCase(value, "UTF-8"u8) && !Ascii.EqualsIgnoreCase(value, "UTF-16"u8))
            {
                throw Fail($"encoding '{XmlPlistScalars.Preview(value)}' is not supported; property lists are UTF-8 or UTF-16", valueStart);
            }
        }
    }

    /// <summary>Accepts only <c>&lt;!DOCTYPE plist&gt;</c> with Apple's public identifier; the DTD it names is never loaded.</summary>
    private void SkipDoctype()
    {
        var start = _position;
        _position += "<!DOCTYPE"u8.Length;
        SkipWhitespace();
        var name = _input[_position..];
        var nameLength = name.IndexOfAny(NameEnd);
        if (nameLength < 0 || !name[..nameLength].SequenceEqual("plist"u8))
        {
            throw Fail("the DOCTYPE must name plist", start);
        }

        _position += nameLength;
        SkipWhitespace();
        if (StartsWith("PUBLIC"u8))
        {
            _position += "PUBLIC"u8.Length;
            SkipWhitespace();
            var identifierStart = _position;
            var identifier = ReadQuoted();
            if (!identifier.SequenceEqual("-//Apple//DTD PLIST 1.0//EN"u8) && !identifier.SequenceEqual("-//Apple Computer//DTD PLIST 1.0//EN"u8))
            {
                throw Fail($"DOCTYPE public identifier '{XmlPlistScalars.Preview(identifier)}' is not Apple's plist DTD", identifierStart);
            }

            SkipWhitespace();
            if (StartsWith("\""u8) || StartsWith("'"u8))
            {
                ReadQuoted();
                SkipWhitespace();
            }
        }
        else if (StartsWith("SYSTEM"u8))
        {
            throw Fail("DOCTYPE with a SYSTEM identifier is refused; external DTDs and entities are never loaded", _position);
        }

        if (StartsWith("["u8))
        {
            throw Fail("DOCTYPE internal subsets are refused; entity and DTD declarations are never processed", _position);
        }

        Expect((byte)'>', "expected '>' to close the DOCTYPE");
    }

    /// <summary>Reads <c>&lt;name attributes&gt;</c> or <c>&lt;name/&gt;</c>; attributes are checked for syntax and ignored.</summary>
    private ReadOnlySpan<byte> ReadStartTag(out bool empty)
    {
        var start = _position;
        _position++;
        var name = ReadName();
        if (name.IsEmpty)
        {
            throw Fail("missing element name", start);
        }

        while (true)
        {
            SkipWhitespace();
            if (StartsWith(">"u8))
            {
                _position++;
                empty = false;
                return name;
            }

            if (StartsWith("/>"u8))
            {
                _position += 2;
                empty = true;
                return name;
            }

            if (AtEnd || ReadName().IsEmpty)
            {
                throw Fail($"malformed start tag <{XmlPlistScalars.Preview(name)}>", start);
            }

            ReadAttributeValue();
        }
    }

    private void ReadEndTag(ReadOnlySpan<byte> element)
    {
        var start = _position;
        if (!StartsWith("</"u8))
        {
            throw Fail($"expected </{XmlPlistScalars.Preview(element)}>", start);
        }

        _position += 2;
        var name = ReadName();
        if (!name.SequenceEqual(element))
        {
            throw Fail($"expected </{XmlPlistScalars.Preview(element)}>, found </{XmlPlistScalars.Preview(name)}>", start);
        }

        SkipWhitespace();
        if (!StartsWith(">"u8))
        {
            throw Fail($"expected '>' to close </{XmlPlistScalars.Preview(element)}>", _position);
        }

        _position++;
    }

    private ReadOnlySpan<byte> ReadName()
    {
        var start = _position;
        var length = _input[start..].IndexOfAny(NameEnd);
        _position = length < 0 ? _input.Length : start + length;
        return _input[start.._position];
    }

    /// <summary>Reads <c>= "value"</c> after an attribute name.</summary>
    private ReadOnlySpan<byte> ReadAttributeValue()
    {
        SkipWhitespace();
        Expect((byte)'=', "expected '=' after an attribute name");
        SkipWhitespace();
        var start = _position;
        var value = ReadQuoted();
        return value.Contains((byte)'<') ? throw Fail("'<' inside an attribute value", start) : value;
    }

    private ReadOnlySpan<byte> ReadQuoted()
    {
        var start = _position;
        if (!StartsWith("\""u8) && !StartsWith("'"u8))
        {
            throw Fail("expected a quoted value", start);
        }

        var length = _input[(start + 1)..].IndexOf(_input[start]);
        if (length < 0)
        {
            throw Fail("unterminated quoted value", start);
        }

        _position = start + length + 2;
        return _input.Slice(start + 1, length);
    }

    /// <summary>Skips whitespace, comments and processing instructions between elements.</summary>
    private void SkipMisc()
    {
        while (true)
        {
            SkipWhitespace();
            if (StartsWith("<!--"u8))
            {
                SkipPast("-->"u8, "unterminated comment");
            }
            else if (StartsWith("<?"u8))
            {
                SkipPast("?>"u8, "unterminated processing instruction");
            }
            else if (!AtEnd && _input[_position] != '<')
            {
                throw Fail("unexpected text between elements", _position);
            }
            else
            {
                return;
            }
        }
    }

    private void SkipPast(ReadOnlySpan<byte> terminator, string unterminated)
    {
        var start = _position;
        var end = _input[(start + 2)..].IndexOf(terminator);
        _position = end >= 0 ? start + 2 + end + terminator.Length : throw Fail(unterminated, start);
    }

    private void SkipWhitespace()
    {
        while (IsWhitespace(_position))
        {
            _position++;
        }
    }

    private void Expect(byte expected, string message)
    {
        if (AtEnd || _input[_position] != expected)
        {
            throw Fail(message, _position);
        }

        _position++;
    }

    private readonly bool IsWhitespace(int position) =>
        position < _input.Length && _input[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private readonly bool AtStartTag() =>
        StartsWith("<"u8) && _position + 1 < _input.Length && _input[_position + 1] is not ((byte)'/' or (byte)'!' or (byte)'?');

    private readonly bool StartsWith(ReadOnlySpan<byte> text) => StartsWithAt(_position, text);

    private readonly bool StartsWithAt(int position, ReadOnlySpan<byte> text) =>
        position <= _input.Length && _input[position..].StartsWith(text);

    private static PlistFormatException Fail(string reason, int position) => new(reason, position);

    /// <summary>Checks once, vectorised, what the scanner then relies on: valid UTF-8 and no control characters XML forbids.</summary>
    private static void RejectIllegalBytes(ReadOnlySpan<byte> utf8)
    {
        var control = utf8.IndexOfAny(IllegalControlBytes);
        if (control >= 0)
        {
            throw Fail($"control character 0x{utf8[control]:X2} is not allowed in XML", control);
        }

        if (!Utf8.IsValid(utf8))
        {
            throw Fail("invalid UTF-8", FirstInvalidUtf8(utf8));
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var position = 0;
        while (position < utf8.Length && Rune.DecodeFromUtf8(utf8[position..], out _, out var consumed) == OperationStatus.Done)
        {
            position += consumed;
        }

        return position;
    }

    private static PlistFormatException WithLineAndColumn(PlistFormatException error, ReadOnlySpan<byte> utf8)
    {
        var before = utf8[..(int)Math.Clamp(error.Position, 0, utf8.Length)];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - before.LastIndexOf((byte)'\n');
        return new PlistFormatException(error.Reason, error.Position, line, column);
    }

    /// <summary>Recognises UTF-16 by its byte-order mark or by how <c>&lt;?</c> or <c>&lt;p</c> looks in it.</summary>
    private static (bool BigEndian, int BomLength)? Utf16ByteOrder(ReadOnlySpan<byte> input) => input switch
    {
        [0xFF, 0xFE, ..] => (false, 2),
        [0xFE, 0xFF, ..] => (true, 2),
        [(byte)'<', 0, _, 0, ..] => (false, 0),
        [0, (byte)'<', 0, _, ..] => (true, 0),
        _ => null,
    };

    private static byte[] TranscodeUtf16(ReadOnlySpan<byte> input, bool bigEndian, int bomLength)
    {
        var body = input[bomLength..];
        if (body.Length % 2 != 0)
        {
            throw Fail("UTF-16 input has an odd number of bytes", input.Length);
        }

        try
        {
            return Encoding.UTF8.GetBytes((bigEndian ? StrictUtf16BigEndian : StrictUtf16LittleEndian).GetString(body));
        }
        catch (DecoderFallbackException e)
        {
            throw Fail("invalid UTF-16 (unpaired surrogate)", bomLength + Math.Max(e.Index, 0));
        }
    }
}
