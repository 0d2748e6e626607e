using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>
/// Runs a batch of values through Python's plistlib in one process (see plistlib_bridge.py): plistlib must
/// read our XML and binary output as the expected value, and everything plistlib writes — from the expected
/// value and from what it read of ours — must read back through our reader as the original.
/// </summary>
internal static class PlistlibBridge
{
    private static readonly string[] PythonOutputs = ["py.xml", "py.bin", "rt-xml.xml", "rt-xml.bin", "rt-bin.xml", "rt-bin.bin"];

    public static void AssertAgreement(IReadOnlyList<PlistValue> cases)
    {
        var directory = Directory.CreateTempSubdirectory("plistlib-");
        try
        {
            for (var index = 0; index < cases.Count; index++)
            {
                File.WriteAllBytes(CasePath(directory, index, "json"), PlistDescription.ToJson(cases[index]));
                File.WriteAllBytes(CasePath(directory, index, "ours.xml"), PlistWriter.WriteXml(cases[index]));
                File.WriteAllBytes(CasePath(directory, index, "ours.bin"), PlistWriter.WriteBinary(cases[index]));
            }

            RunPython(Path.Combine(AppContext.BaseDirectory, "Plist", "plistlib_bridge.py"), directory.FullName);
            var failures = new StringBuilder();
            for (var index = 0; index < cases.Count; index++)
            {
                CheckCase(directory, index, cases[index], failures);
            }

            Assert.True(failures.Length == 0, failures.ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void CheckCase(DirectoryInfo directory, int index, PlistValue expected, StringBuilder failures)
    {
        var problems = new List<string>();
        var report = File.ReadAllText(CasePath(directory, index, "report"));
        if (report.Length > 0)
        {
            problems.Add(report);
        }

        foreach (var output in PythonOutputs)
        {
            try
            {
                var actual = PlistReader.Read(File.ReadAllBytes(CasePath(directory, index, output)));
                if (!actual.Equals(expected))
                {
                    problems.Add($"our reader read plistlib's {output} as {actual}");
                }
            }
            catch (PlistFormatException e)
            {
                problems.Add($"our reader refused plistlib's {output}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            failures.AppendLine($"case {index}: {expected}").AppendJoin(Environment.NewLine, problems.Select(p => "  " + p)).AppendLine();
        }
    }

    private static string CasePath(DirectoryInfo directory, int index, string suffix) =>
        Path.Combine(directory.FullName, $"{index:D4}.{suffix}");

    public static void RunPython(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
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
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python3 {script} failed with exit code {process.ExitCode}:{Environment.NewLine}{errors.Result}{output}");
        }
    }
}
