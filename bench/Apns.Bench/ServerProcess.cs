using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.AppleFakes.Apns;

namespace SaaSMdm.Apns.Bench;

/// <summary>
/// The fake APNs in a child process, so that the allocation figures count the client alone. The child prints its
/// base address and CA certificate, then serves until its standard input closes.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const string ServeArgument = "--serve";

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress, X509Certificate2 authority)
    {
        _process = process;
        BaseAddress = baseAddress;
        Authority = authority;
    }

    public Uri BaseAddress { get; }

    public X509Certificate2 Authority { get; }

    /// <summary>The child's side: serve until the parent goes away.</summary>
    public static async Task ServeAsync()
    {
        await using var server = await FakeApnsServer.StartAsync();
        Console.WriteLine(server.BaseAddress);
        Console.WriteLine(server.CertificateAuthority.Certificate.ExportCertificatePem());
        Console.WriteLine("READY");
        await Console.In.ReadToEndAsync();
    }

    public static async Task<ServerProcess> StartAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ServeArgument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var baseAddress = new Uri(await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The server process ended early."));
        var pem = new List<string>();
        for (var line = await process.StandardOutput.ReadLineAsync(); line != "READY"; line = await process.StandardOutput.ReadLineAsync())
        {
            pem.Add(line ?? throw new InvalidOperationException("The server process ended early."));
        }

        return new ServerProcess(process, baseAddress, X509Certificate2.CreateFromPem(string.Join('\n', pem)));
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        _process.Dispose();
        Authority.Dispose();
    }
}
