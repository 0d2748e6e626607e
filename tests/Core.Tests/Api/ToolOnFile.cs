using SaaSMdm.TestSupport;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Runs an external reader (openssl, python3) on bytes, passed as a temporary file after its arguments.</summary>
public static class ToolOnFile
{
    public static async Task<ToolResult> RunAsync(byte[] content, string tool, params string[] arguments)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, content);
            return (await ExternalTool.RunAsync(tool, [.. arguments, file])).EnsureSuccess();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
