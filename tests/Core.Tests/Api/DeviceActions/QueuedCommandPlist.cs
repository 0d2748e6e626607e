using System.Text.Json;

namespace SaaSMdm.Core.Tests.Api.DeviceActions;

/// <summary>
/// A queued command as Python's plistlib reads it: an independent reader, so a key's type is what any plist reader
/// sees, not what our writer meant. Each key becomes "type:value" (data base64-encoded), e.g. "bytes:AAEC", "str:Lost".
/// </summary>
public static class QueuedCommandPlist
{
    private const string Script = """
        import base64, json, plistlib, sys
        plist = plistlib.loads(open(sys.argv[1], 'rb').read())
        def show(value):
            return type(value).__name__ + ':' + (base64.b64encode(value).decode() if isinstance(value, bytes) else str(value))
        print(json.dumps({'CommandUUID': show(plist['CommandUUID']), **{key: show(value) for key, value in plist['Command'].items()}}))
        """;

    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(byte[] plist) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>((await ToolOnFile.RunAsync(plist, "python3", "-c", Script)).StandardOutput)!;
}
