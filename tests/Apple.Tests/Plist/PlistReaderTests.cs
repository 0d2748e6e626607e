using System.Text;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>The XML that Apple devices, CoreFoundation and plistlib produce is accepted and read exactly.</summary>
public class PlistReaderTests
{
    private const string AppleProlog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">

        """;

    [Fact]
    public void Reads_a_device_check_in_message()
    {
        var message = Read($"""
            {AppleProlog}<plist version="1.0">
            <dict>
            	<key>BuildVersion</key>
            	<string>21A5326a</string>
            	<key>MessageType</key>
            	<string>Authenticate</string>
            	<key>SerialNumber</key>
            	<string>C02XL0GVJG5H</string>
            	<key>UDID</key>
            	<string>00008030-001A35E22E84802E</string>
            	<key>Challenge</key>
            	<data>
            	AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKiss
            	LS4vMDEyMzQ1Njc4OTo7PD0+Pw==
            	</data>
            	<key>AwaitingConfiguration</key>
            	<true/>
            </dict>
            </plist>
            """);

        var dictionary = Assert.IsType<PlistDictionary>(message);
        Assert.Equal("Authenticate", dictionary.GetString("MessageType"));
        Assert.Equal("00008030-001A35E22E84802E", dictionary.GetString("UDID"));
        Assert.True(dictionary.GetBoolean("AwaitingConfiguration"));
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (byte)i), dictionary.GetData("Challenge").ToArray());
        Assert.Equal(["BuildVersion", "MessageType", "SerialNumber", "UDID", "Challenge", "AwaitingConfiguration"], dictionary.Keys);
    }

    [Theory]
    [InlineData("<!DOCTYPE plist PUBLIC \"-//Apple Computer//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">")]
    [InlineData("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\">")]
    [InlineData("<!DOCTYPE plist>")]
    [InlineData("")]
    public void Accepts_apple_doctypes_without_loading_them(string doctype)
    {
        Assert.Equal(new PlistString("x"), Read($"<?xml version=\"1.0\"?>\n{doctype}\n<plist version=\"1.0\"><string>x</string></plist>"));
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("+7", 7L)]
    [InlineData(" 12\n", 12L)]
    [InlineData("0x1F", 31L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Reads_integers(string text, long expected) =>
        Assert.Equal(new PlistInteger(expected), Read($"<plist><integer>{text}</integer></plist>"));

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData("-2.25", -2.25)]
    [InlineData("1E-5", 1e-5)]
    [InlineData(".5", 0.5)]
    [InlineData("nan", double.NaN)]
    [InlineData("NaN", double.NaN)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void Reads_reals_including_the_spellings_of_nan_and_infinity(string text, double expected) =>
        Assert.Equal(new PlistReal(expected), Read($"<plist><real>{text}</real></plist>"));

    [Fact]
    public void Reads_negative_zero_with_its_sign()
    {
        var zero = Assert.IsType<PlistReal>(Read("<plist><real>-0.0</real></plist>"));
        Assert.True(double.IsNegative(zero.Value));
    }

    [Fact]
    public void Reads_dates_as_utc() =>
        Assert.Equal(new PlistDate(new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero)), Read("<plist><date>2024-02-29T23:59:59Z</date></plist>"));

    [Theory]
    [InlineData("<data>AAEC</data>", new byte[] { 0, 1, 2 })]
    [InlineData("<data>\n\t\tAA\r\n\t\tEC\n\t</data>", new byte[] { 0, 1, 2 })]
    [InlineData("<data>AQ==</data>", new byte[] { 1 })]
    [InlineData("<data></data>", new byte[0])]
    [InlineData("<data/>", new byte[0])]
    public void Reads_base64_data_with_whitespace(string element, byte[] expected) =>
        Assert.Equal(new PlistData(expected), Read($"<plist>{element}</plist>"));

    [Fact]
    public void Reads_empty_and_self_closing_elements()
    {
        var value = Read("<plist><array><dict/><array/><string/><string></string><dict></dict><true></true><false/><dict><key/><string/></dict></array></plist>");
        var expected = new PlistArray { new PlistDictionary(), new PlistArray(), "", "", new PlistDictionary(), true, false, new PlistDictionary { { "", "" } } };
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Decodes_entities_character_references_and_cdata_in_strings_and_keys()
    {
        var value = Read("<plist><dict><key>a&amp;b&#x1F600;</key><string>&lt;&gt;&quot;&apos;&amp;&#65;&#x42;<![CDATA[<raw & text>]]><!-- note -->!</string></dict></plist>");
        Assert.Equal(new PlistDictionary { { "a&b\U0001F600", "<>\"'&AB<raw & text>!" } }, value);
    }

    [Fact]
    public void Normalises_line_breaks_as_xml_requires_but_keeps_escaped_carriage_returns() =>
        Assert.Equal(new PlistString("a\nb\nc\rd"), Read("<plist><string>a\r\nb\rc&#13;d</string></plist>"));

    [Fact]
    public void Skips_comments_processing_instructions_and_whitespace_between_elements()
    {
        var value = Read("<?xml version='1.0'?><!-- c --><?pi x?>\n<plist>\n<!-- c --><array> <!-- c --> <true/>\n<?pi?></array><!-- c --></plist>\n<!-- c -->\n");
        Assert.Equal(new PlistArray { true }, value);
    }

    [Fact]
    public void Accepts_a_scalar_root() => Assert.Equal(new PlistInteger(5), Read("<plist><integer>5</integer></plist>"));

    [Theory]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-16 little endian")]
    [InlineData("utf-16 big endian")]
    [InlineData("utf-16 little endian without BOM")]
    public void Reads_utf8_and_utf16_documents(string encoding)
    {
        var text = $"<?xml version=\"1.0\" encoding=\"{(encoding.StartsWith("utf-16", StringComparison.Ordinal) ? "UTF-16" : "UTF-8")}\"?>\n<plist version=\"1.0\"><string>Grüße 🌍</string></plist>";
        var bytes = encoding switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16 little endian" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16 big endian" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.Unicode.GetBytes(text),
        };
        Assert.Equal(new PlistString("Grüße 🌍"), PlistReader.Read(bytes));
    }

    [Fact]
    public void Errors_carry_byte_offset_line_and_column()
    {
        var error = Assert.Throws<PlistFormatException>(() => Read("<plist>\n<dict>\n\t<key>a</key>\n\t<integer>x</integer>\n</dict>\n</plist>"));
        Assert.Equal(30, error.Position);
        Assert.Equal(4, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("line 4, column 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_binary_integer_and_real_widths_that_our_writer_does_not_use()
    {
        var bytes = new BinaryPlistBuilder(
            [0xA3, 1, 2, 3],
            [0x22, 0x3F, 0xC0, 0x00, 0x00],
            [0x14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE],
            [0x11, 0xFF, 0xFF]).Build();
        Assert.Equal(new PlistArray { 1.5, -2L, 65535L }, PlistReader.Read(bytes));
    }

    [Fact]
    public void Reads_from_memory() =>
        Assert.Equal(PlistBoolean.True, PlistReader.Read(new ReadOnlyMemory<byte>("<plist><true/></plist>"u8.ToArray())));

    private static PlistValue Read(string xml) => PlistReader.Read(Encoding.UTF8.GetBytes(xml));
}
