using System.Text;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>Hostile and broken inputs must fail with <see cref="PlistFormatException"/> carrying a position, and nothing else.</summary>
public class MalformedPlistTests
{
    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Plist", "Malformed");

    public static TheoryData<string> CorpusFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(CorpusFolder).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_refused_with_a_position(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusFolder, file));
        var error = AssertRefused(bytes);
        if (file.EndsWith(".xml", StringComparison.Ordinal) && !file.Contains("utf16", StringComparison.Ordinal))
        {
            Assert.NotNull(error.Line);
            Assert.NotNull(error.Column);
        }
    }

    [Fact]
    public void Corpus_holds_the_attacks_the_brief_names()
    {
        var files = Directory.EnumerateFiles(CorpusFolder).Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "billion-laughs.xml", "external-entity.xml", "external-dtd.xml", "duplicate-key.xml", "wrong-root.xml" }, files);
    }

    [Theory]
    [InlineData("billion-laughs.xml", "internal subset")]
    [InlineData("external-entity.xml", "internal subset")]
    [InlineData("external-dtd.xml", "SYSTEM")]
    [InlineData("duplicate-key.xml", "duplicate key 'Status'")]
    [InlineData("integer-too-large.xml", "signed 64-bit range")]
    [InlineData("undeclared-entity.xml", "predefined entities")]
    [InlineData("wrong-root.xml", "root element must be <plist>")]
    [InlineData("unsupported-encoding.xml", "encoding 'ISO-8859-1' is not supported")]
    public void Refusals_say_why(string file, string reason)
    {
        var error = AssertRefused(File.ReadAllBytes(Path.Combine(CorpusFolder, file)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence()
    {
        var text = File.ReadAllBytes(Path.Combine(CorpusFolder, "duplicate-key.xml"));
        var error = AssertRefused(text);
        Assert.Equal(text.AsSpan().LastIndexOf("<key>Status"u8), error.Position);
    }

    [Theory]
    [InlineData("dict")]
    [InlineData("array")]
    public void Ten_thousand_nested_xml_containers_fail_on_depth_without_overflowing_the_stack(string container)
    {
        var open = container == "dict" ? "<dict><key>k</key>" : "<array>";
        var close = $"</{container}>";
        var text = $"<plist>{string.Concat(Enumerable.Repeat(open, 10_000))}{string.Concat(Enumerable.Repeat(close, 10_000))}</plist>";
        var error = AssertRefused(Encoding.UTF8.GetBytes(text));
        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_binary_arrays_fail_on_depth()
    {
        var objects = Enumerable.Range(0, 10_000)
            .Select(index => index < 9_999 ? [0xA1, .. BinaryPlistBuilder.BigEndian((ulong)index + 1, 2)] : new byte[] { 0xA0 })
            .ToArray();
        var bytes = new BinaryPlistBuilder(objects) { OffsetSize = 4, ReferenceSize = 2 }.Build();
        Assert.Contains("MaxDepth", AssertRefused(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_limit_is_configurable()
    {
        var text = "<plist><array><array><array/></array></array></plist>"u8.ToArray();
        Assert.IsType<PlistArray>(PlistReader.Read(text, new PlistReaderOptions { MaxDepth = 3 }));
        AssertRefused(text, new PlistReaderOptions { MaxDepth = 2 });
    }

    [Fact]
    public void Every_truncation_of_a_binary_plist_is_refused()
    {
        var whole = PlistWriter.WriteBinary(new PlistDictionary
        {
            { "Name", "Ünïcödé" }, { "Items", new PlistArray { 1, 2.5, true, new byte[] { 1, 2, 3 } } }, { "When", DateTimeOffset.UnixEpoch },
        });
        for (var length = 0; length < whole.Length; length++)
        {
            AssertRefused(whole[..length]);
        }
    }

    [Fact]
    public void Every_truncation_of_an_xml_plist_is_refused()
    {
        var whole = PlistWriter.WriteXml(new PlistDictionary { { "a", new PlistArray { "x&y", 1, 2.5, false } }, { "d", new byte[] { 9 } } });
        for (var length = 0; length < whole.Length - 1; length++)
        {
            AssertRefused(whole[..length]);
        }
    }

    public static TheoryData<string, byte[]> BrokenBinaryPlists() => new()
    {
        { "array containing itself", new BinaryPlistBuilder([0xA1, 0]).Build() },
        { "dictionary value containing its dictionary", new BinaryPlistBuilder([0xD1, 1, 0], [0x51, (byte)'k']).Build() },
        { "cycle through a child", new BinaryPlistBuilder([0xA1, 1], [0xA1, 0]).Build() },
        { "reference past the object count", new BinaryPlistBuilder([0xA1, 7]).Build() },
        { "offset into the offset table", new BinaryPlistBuilder([0x09]) { Offset = (_, offset) => offset + 1 }.Build() },
        { "offset into the header", new BinaryPlistBuilder([0x09]) { Offset = (_, _) => 3 }.Build() },
        { "offset size zero", new BinaryPlistBuilder([0x09]) { OffsetSize = 0 }.Build() },
        { "reference size nine", new BinaryPlistBuilder([0x09]) { ReferenceSize = 9 }.Build() },
        { "no objects", new BinaryPlistBuilder([0x09]) { ObjectCount = 0 }.Build() },
        { "huge object count", new BinaryPlistBuilder([0x09]) { ObjectCount = ulong.MaxValue }.Build() },
        { "top object past the count", new BinaryPlistBuilder([0x09]) { TopObject = 1 }.Build() },
        { "offset table past the end", new BinaryPlistBuilder([0x09]) { OffsetTableStart = 1UL << 40 }.Build() },
        { "offset table in the header", new BinaryPlistBuilder([0x09]) { OffsetTableStart = 2 }.Build() },
        { "huge array count", new BinaryPlistBuilder([0xAF, 0x12, 0x7F, 0xFF, 0xFF, 0xFF, 0]).Build() },
        { "huge data length", new BinaryPlistBuilder([0x4F, 0x13, 0x40, 0, 0, 0, 0, 0, 0, 0]).Build() },
        { "negative data length", new BinaryPlistBuilder([0x4F, 0x13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).Build() },
        { "length that is not an integer", new BinaryPlistBuilder([0x5F, 0x23, 0, 0, 0, 0, 0, 0, 0, 0]).Build() },
        { "string longer than the file", new BinaryPlistBuilder([0x5E, (byte)'a']).Build() },
        { "dictionary key that is an integer", new BinaryPlistBuilder([0xD1, 1, 1], [0x10, 5]).Build() },
        { "duplicate dictionary keys", new BinaryPlistBuilder([0xD2, 1, 1, 2, 2], [0x51, (byte)'k'], [0x09]).Build() },
        { "integer beyond 64 bits", new BinaryPlistBuilder([0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0]).Build() },
        { "integer of 32 bytes", new BinaryPlistBuilder([0x15, .. new byte[32]]).Build() },
        { "real of 16 bytes", new BinaryPlistBuilder([0x24, .. new byte[16]]).Build() },
        { "date that is NaN", new BinaryPlistBuilder([0x33, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0]).Build() },
        { "date past year 9999", new BinaryPlistBuilder([0x33, 0x43, 0x00, 0, 0, 0, 0, 0, 0]).Build() },
        { "ASCII string with a high byte", new BinaryPlistBuilder([0x52, (byte)'a', 0xE9]).Build() },
        { "UTF-16 string with a lone surrogate", new BinaryPlistBuilder([0x61, 0xD8, 0x00]).Build() },
        { "null object", new BinaryPlistBuilder([0x00]).Build() },
        { "fill byte", new BinaryPlistBuilder([0x0F]).Build() },
        { "UID", new BinaryPlistBuilder([0x80, 1]).Build() },
        { "set", new BinaryPlistBuilder([0xC0]).Build() },
        { "UTF-8 string marker of later formats", new BinaryPlistBuilder([0x71, (byte)'a']).Build() },
        { "unknown marker", new BinaryPlistBuilder([0xF0]).Build() },
    };

    [Theory]
    [MemberData(nameof(BrokenBinaryPlists))]
    public void Broken_binary_plist_is_refused(string problem, byte[] bytes)
    {
        var error = AssertRefused(bytes);
        Assert.InRange(error.Position, 0, bytes.Length);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Shared_subtrees_cannot_expand_past_the_object_limit()
    {
        // Each of 60 arrays references the next one twice: 2^60 values if expanded.
        var objects = Enumerable.Range(0, 60)
            .Select(index => index < 59 ? new byte[] { 0xA2, (byte)(index + 1), (byte)(index + 1) } : [0x09])
            .ToArray();
        var error = AssertRefused(new BinaryPlistBuilder(objects).Build());
        Assert.Contains("MaxObjects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_limit_applies_to_xml()
    {
        var text = Encoding.UTF8.GetBytes($"<plist><array>{string.Concat(Enumerable.Repeat("<true/>", 11))}</array></plist>");
        AssertRefused(text, new PlistReaderOptions { MaxObjects = 10 });
    }

    [Fact]
    public void Input_past_the_size_limit_is_refused()
    {
        var text = PlistWriter.WriteXml(new PlistString(new string('x', 2000)));
        AssertRefused(text, new PlistReaderOptions { MaxInputBytes = 1000 });
    }

    private static PlistFormatException AssertRefused(byte[] bytes, PlistReaderOptions? options = null)
    {
        var error = Assert.Throws<PlistFormatException>(() => PlistReader.Read(bytes, options));
        Assert.InRange(error.Position, 0, Math.Max(bytes.Length, options?.MaxInputBytes ?? 0));
        return error;
    }
}
