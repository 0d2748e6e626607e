using System.Buffers;
using System.Text;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

public class PlistWriterTests
{
    [Fact]
    public void Writes_xml_in_apples_layout()
    {
        var value = new PlistDictionary
        {
            { "Name", "A & B <c>" }, { "Count", -3 }, { "Ratio", 1.5 }, { "On", true }, { "Empty", new PlistDictionary() },
            { "List", new PlistArray { new PlistArray(), "\r" } }, { "When", new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero) }, { "Blob", new byte[] { 0, 1, 2 } },
            { "Odd", new PlistArray { double.NaN, double.PositiveInfinity, -0.0 } },
        };
        var expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
            	<key>Name</key>
            	<string>A &amp; B &lt;c&gt;</string>
            	<key>Count</key>
            	<integer>-3</integer>
            	<key>Ratio</key>
            	<real>1.5</real>
            	<key>On</key>
            	<true/>
            	<key>Empty</key>
            	<dict/>
            	<key>List</key>
            	<array>
            		<array/>
            		<string>&#13;</string>
            	</array>
            	<key>When</key>
            	<date>2024-01-02T03:04:05Z</date>
            	<key>Blob</key>
            	<data>AAEC</data>
            	<key>Odd</key>
            	<array>
            		<real>nan</real>
            		<real>+infinity</real>
            		<real>-0</real>
            	</array>
            </dict>
            </plist>

            """;
        Assert.Equal(expected, Encoding.UTF8.GetString(PlistWriter.WriteXml(value)));
    }

    [Theory]
    [InlineData("nul \0")]
    [InlineData("bell \u0007")]
    [InlineData("noncharacter \uFFFE")]
    public void Refuses_characters_xml_cannot_carry(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => PlistWriter.WriteXml(new PlistDictionary { { "key", text } }));
        Assert.Contains("XML", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PlistWriter.WriteXml(new PlistDictionary { { text, "value" } }));
    }

    /// <summary>Not theory data: the test runner would replace unpaired surrogates while passing them.</summary>
    [Fact]
    public void Refuses_unpaired_surrogates_in_both_formats()
    {
        foreach (var text in new[] { "lone \uD800", "reversed \uDC00\uD800", "\uDBFF" })
        {
            Assert.Throws<ArgumentException>(() => PlistWriter.WriteXml(new PlistString(text)));
            Assert.Throws<ArgumentException>(() => PlistWriter.WriteXml(new PlistDictionary { { text, 1 } }));
            Assert.Throws<ArgumentException>(() => PlistWriter.WriteBinary(new PlistString(text)));
        }
    }

    [Fact]
    public void Refuses_a_tree_that_contains_itself()
    {
        var loop = new PlistArray();
        loop.Add(loop);
        Assert.Throws<ArgumentException>(() => PlistWriter.WriteXml(loop));
        Assert.Throws<ArgumentException>(() => PlistWriter.WriteBinary(loop));
    }

    [Fact]
    public void Binary_stores_non_ascii_strings_as_utf16_big_endian()
    {
        var bytes = PlistWriter.WriteBinary(new PlistString("é€"));
        Assert.Equal(new byte[] { 0x62, 0x00, 0xE9, 0x20, 0xAC }, bytes[8..13]);
        Assert.Equal(new byte[] { 0x52, (byte)'h', (byte)'i' }, PlistWriter.WriteBinary(new PlistString("hi"))[8..11]);
    }

    [Fact]
    public void Binary_stores_each_distinct_scalar_once()
    {
        var apps = new PlistArray(Enumerable.Range(0, 50).Select(_ => (PlistValue)new PlistDictionary { { "Name", "Same" }, { "Version", 1 } }));
        var bytes = PlistWriter.WriteBinary(apps);
        // the array, 50 dictionaries, and four unique objects: "Name", "Same", "Version", 1
        Assert.Equal(55UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(bytes.Length - 24)));
    }

    [Fact]
    public void Binary_widens_references_and_offsets_as_the_file_grows()
    {
        var value = new PlistArray(Enumerable.Range(0, 70_000).Select(i => (PlistValue)$"item {i}"));
        var bytes = PlistWriter.WriteBinary(value);
        Assert.Equal(3, bytes[^26]);
        Assert.Equal(3, bytes[^25]);
        Assert.Equal(value, PlistReader.Read(bytes));
    }

    [Fact]
    public async Task Buffer_writer_and_stream_outputs_match_the_arrays()
    {
        var value = new PlistDictionary { { "k", new PlistArray { 1, "two", new byte[100_000] } } };
        var buffer = new ArrayBufferWriter<byte>();
        PlistWriter.WriteBinary(value, buffer);
        Assert.Equal(PlistWriter.WriteBinary(value), buffer.WrittenSpan.ToArray());

        using var xml = new MemoryStream();
        await PlistWriter.WriteXmlAsync(value, xml);
        Assert.Equal(PlistWriter.WriteXml(value), xml.ToArray());

        using var binary = new MemoryStream();
        await PlistWriter.WriteBinaryAsync(value, binary);
        Assert.Equal(PlistWriter.WriteBinary(value), binary.ToArray());
    }
}
