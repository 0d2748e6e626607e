using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>
/// Runs a batch of values through Python's plistlib in one process (see plistlib_bridge.py): plistlib must
/// read our XML and binary output as the expected value, and everything plistlib writes — from the expected
/// value and from what it read of ours — must read back through our reader as the original.
/// </summary>
internal static class PlistlibBridge
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Plist", "plistlib_bridge.py");

    public static void AssertAgreement(IReadOnlyList<PlistValue> cases)
    {
        using var results = JsonDocument.Parse(RunPython(Request(cases), Script));
        var failures = new StringBuilder();
        var index = 0;
        foreach (var result in results.RootElement.EnumerateArray())
        {
            CheckCase(index, cases[index], result, failures);
            index++;
        }

        Assert.Equal(cases.Count, index);
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>Runs python3 with <paramref name="input"/> on standard input and returns its standard output.</summary>
    public static byte[] RunPython(byte[] input, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"python3 is required for the plistlib comparison tests and could not be started ({e.Message}); install it with 'apt-get install -y python3'.");
            throw;
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
            copy.Wait();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:{Environment.NewLine}{errors.Result}");
            return output.ToArray();
        }
    }

    private static byte[] Request(IReadOnlyList<PlistValue> cases)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var value in cases)
            {
                json.WriteStartObject();
                json.WritePropertyName("expected");
                PlistDescription.Write(json, value);
                json.WriteStartObject("ours");
                json.WriteBase64String("xml", PlistWriter.WriteXml(value));
                json.WriteBase64String("bin", PlistWriter.WriteBinary(value));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return stream.ToArray();
    }

    private static void CheckCase(int index, PlistValue expected, JsonElement result, StringBuilder failures)
    {
        var problems = result.GetProperty("problems").EnumerateArray().Select(problem => problem.GetString()!).ToList();
        foreach (var output in result.GetProperty("outputs").EnumerateObject())
        {
            try
            {
                var actual = PlistReader.Read(output.Value.GetBytesFromBase64());
                if (!actual.Equals(expected))
                {
                    problems.Add($"our reader read plistlib's {output.Name} as {actual}");
                }
            }
            catch (PlistFormatException e)
            {
                problems.Add($"our reader refused plistlib's {output.Name}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            failures.AppendLine($"case {index}: {expected}").AppendJoin(Environment.NewLine, problems.Select(p => "  " + p)).AppendLine();
        }
    }
}
