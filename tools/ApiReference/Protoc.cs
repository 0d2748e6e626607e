using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace SaaSMdm.ApiReference;

/// <summary>
/// The protoc and well-known protos of the Grpc.Tools package this project was built against, so the
/// reference is compiled by the same protoc as the C# contracts.
/// </summary>
public sealed class Protoc
{
    private Protoc(string executable, string includeDirectory)
    {
        Executable = executable;
        IncludeDirectory = includeDirectory;
    }

    public string Executable { get; }

    /// <summary>Holds google/protobuf/*.proto, which protos/ import.</summary>
    public string IncludeDirectory { get; }

    public static Protoc FromGrpcTools()
    {
        var package = typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "GrpcToolsDirectory")?.Value;
        if (string.IsNullOrEmpty(package) || !Directory.Exists(package))
        {
            throw new InvalidOperationException($"The Grpc.Tools package is not where the build found it ('{package}'); run dotnet restore.");
        }

        var executable = Path.Combine(package, "tools", PlatformDirectory(), OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
        return new Protoc(executable, Path.Combine(package, "build", "native", "include"));
    }

    /// <summary>Compiles <paramref name="files"/> (relative to <paramref name="protoRoot"/>) to a descriptor set with comments.</summary>
    public async Task<byte[]> DescriptorSetAsync(string protoRoot, IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        var output = Path.Combine(Path.GetTempPath(), $"api-reference-{Guid.NewGuid():N}.pb");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = protoRoot,
        };
        foreach (var argument in (string[])[$"--proto_path={protoRoot}", $"--proto_path={IncludeDirectory}",
                     "--include_source_info", "--include_imports", $"--descriptor_set_out={output}", .. files])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"protoc exited {process.ExitCode}: {await stderr}{await stdout}");
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string PlatformDirectory()
    {
        if (OperatingSystem.IsMacOS())
        {
            return "macosx_universal";
        }

        var os = OperatingSystem.IsWindows() ? "windows" : "linux";
        var cpu = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            var other => throw new PlatformNotSupportedException($"Grpc.Tools ships no protoc for {other}."),
        };
        return $"{os}_{cpu}";
    }
}
