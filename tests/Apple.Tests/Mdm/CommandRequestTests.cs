using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Tests.Plist;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class CommandRequestTests
{
    /// <summary>Loads each base64 plist with plistlib and describes it in PlistDescription's tagged JSON.</summary>
    private const string DescribeWithPlistlib = """
        import base64, datetime, json, plistlib, struct, sys
        def describe(value):
            if isinstance(value, dict):
                return {"t": "dict", "v": [[key, describe(item)] for key, item in value.items()]}
            if isinstance(value, list):
                return {"t": "array", "v": [describe(item) for item in value]}
            if isinstance(value, bool):
                return {"t": "bool", "v": value}
            if isinstance(value, int):
                return {"t": "int", "v": str(value)}
            if isinstance(value, float):
                return {"t": "real", "v": struct.pack(">d", value).hex().upper()}
            if isinstance(value, str):
                return {"t": "string", "v": value}
            if isinstance(value, bytes):
                return {"t": "data", "v": base64.b64encode(value).decode("ascii")}
            if isinstance(value, datetime.datetime):
                return {"t": "date", "v": int(value.replace(tzinfo=datetime.timezone.utc).timestamp())}
            raise TypeError(type(value))
        json.dump([describe(plistlib.loads(base64.b64decode(item))) for item in json.load(sys.stdin)], sys.stdout)
        """;

    [Fact]
    public void Plistlib_reads_every_typed_command_as_we_built_it()
    {
        var commands = CommandValidatorTests.TypedCommands().Select(row => (CommandRequest)row[1]).ToArray();
        var input = JsonSerializer.SerializeToUtf8Bytes(commands.Select(command => Convert.ToBase64String(command.ToXml())).ToArray());

        var described = JsonNode.Parse(PlistlibBridge.RunPython(input, "-c", DescribeWithPlistlib))!.AsArray();

        Assert.Equal(commands.Length, described.Count);
        for (var index = 0; index < commands.Length; index++)
        {
            var expected = JsonNode.Parse(Describe(commands[index].ToPlist()));
            Assert.True(JsonNode.DeepEquals(expected, described[index]), $"{commands[index].RequestType}: plistlib read {described[index]}, expected {expected}");
        }
    }

    [Fact]
    public void Serializes_as_the_device_expects_and_reads_back()
    {
        var command = new CommandRequest("0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0", "DeviceLock", new PlistDictionary().Add("Message", "Hi").Add("Extra", 1));

        var plist = command.ToPlist();
        var read = CommandRequest.Parse(PlistReader.Read(command.ToXml()));

        Assert.Equal(["CommandUUID", "Command"], plist.Keys);
        Assert.Equal(["RequestType", "Message", "Extra"], plist.GetDictionary("Command").Keys);
        Assert.Equal("DeviceLock", plist.GetDictionary("Command").GetString("RequestType"));
        Assert.Equal(command, read);
    }

    [Fact]
    public void Created_commands_get_distinct_upper_case_uuids()
    {
        var first = CommandRequest.Create("SecurityInfo");
        var second = CommandRequest.Create("SecurityInfo");

        Assert.NotEqual(first.CommandUuid, second.CommandUuid);
        Assert.True(Guid.TryParse(first.CommandUuid, out _));
        Assert.Equal(first.CommandUuid.ToUpperInvariant(), first.CommandUuid);
    }

    [Fact]
    public void Refuses_request_type_among_the_keys_and_blank_names()
    {
        Assert.Throws<ArgumentException>(() => CommandRequest.Create("DeviceLock", new PlistDictionary().Add("RequestType", "EraseDevice")));
        Assert.Throws<ArgumentException>(() => CommandRequest.Create(" "));
        Assert.Throws<ArgumentException>(() => new CommandRequest(string.Empty, "DeviceLock"));
    }

    [Theory]
    [InlineData("<array/>")]
    [InlineData("<dict><key>CommandUUID</key><string>u</string></dict>")]
    [InlineData("<dict><key>CommandUUID</key><string>u</string><key>Command</key><dict/></dict>")]
    [InlineData("<dict><key>CommandUUID</key><integer>1</integer><key>Command</key><dict><key>RequestType</key><string>X</string></dict></dict>")]
    public void Parsing_a_malformed_command_fails_clearly(string body)
    {
        var plist = PlistReader.Read(Encoding.UTF8.GetBytes($"<plist version=\"1.0\">{body}</plist>"));

        Assert.Throws<MdmMessageFormatException>(() => CommandRequest.Parse(plist));
    }

    private static string Describe(PlistValue value)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            PlistDescription.Write(json, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
