using SaaSMdm.Apple.Mdm;
using SaaSMdm.DeviceSim.CommandLine;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Tests.Support;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Arguments_have_defaults_and_read_every_option()
    {
        var defaults = SimulatorArguments.Parse(["--url", "https://127.0.0.1:5443/t/demo"])!;
        var all = SimulatorArguments.Parse(
            ["--url", "https://edge.example.com/t/acme", "--token", "s3cret", "--count", "40", "--platform", "mac", "--ca-file", "ca.pem",
             "--trust-profile-root", "--loop", "--interval", "2", "--parallel", "8", "--transport", "tls", "--verbose"])!;

        Assert.Equal((1, DevicePlatform.IPhone, 1, IdentityTransport.MdmSignature, false, false), (defaults.Count, defaults.Platform, defaults.Parallelism, defaults.Transport, defaults.Loop, defaults.TrustProfileRoot));
        Assert.Null(defaults.Token);
        Assert.Equal(new Uri("https://edge.example.com/t/acme"), all.TenantUrl);
        Assert.Equal(("s3cret", 40, DevicePlatform.Mac, "ca.pem"), (all.Token, all.Count, all.Platform, all.CaFile));
        Assert.Equal((true, true, TimeSpan.FromSeconds(2), 8, IdentityTransport.TlsClientCertificate, true), (all.TrustProfileRoot, all.Loop, all.Interval, all.Parallelism, all.Transport, all.Verbose));
        Assert.Null(SimulatorArguments.Parse(["--help"]));
        Assert.Contains("--trust-profile-root", SimulatorArguments.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--count", "10")]
    [InlineData("--url", "http://127.0.0.1:5443/t/demo")]
    [InlineData("--url", "https://127.0.0.1:5443/t/demo", "--platform", "watch")]
    [InlineData("--url", "https://127.0.0.1:5443/t/demo", "--count", "0")]
    [InlineData("--url", "https://127.0.0.1:5443/t/demo", "--count")]
    [InlineData("--url", "https://127.0.0.1:5443/t/demo", "--transport", "carrier-pigeon")]
    [InlineData("--url", "https://127.0.0.1:5443/t/demo", "--frobnicate")]
    public void Bad_arguments_are_refused_with_a_message(params string[] args)
    {
        var refused = Assert.Throws<ArgumentException>(() => SimulatorArguments.Parse(args));
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
    }

    [Fact]
    public async Task The_program_enrolls_the_devices_answers_their_commands_and_summarizes()
    {
        await using var server = await MdmTestServer.StartAsync();
        var caFile = Path.Combine(Path.GetTempPath(), $"devicesim-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, TestPki.Shared.TlsCa.ExportCertificatePem());
        var output = new StringWriter();
        try
        {
            var arguments = SimulatorArguments.Parse(["--url", server.TenantUrl.AbsoluteUri, "--token", MdmTestServer.Token, "--count", "2", "--ca-file", caFile])!;

            var exit = await SimulatorRun.RunAsync(arguments, output, CancellationToken.None);

            Assert.Equal(0, exit);
            var text = output.ToString();
            Assert.Contains("[2/2] enrolled", text, StringComparison.Ordinal);
            Assert.Contains("enroll: 2/2 devices", text, StringComparison.Ordinal);
            Assert.Contains("command loop: 2/2 devices", text, StringComparison.Ordinal);
            Assert.Contains("scep:PKIOperation", text, StringComparison.Ordinal);
            Assert.Equal(4, server.CheckIns.Count);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task With_loop_the_devices_keep_connecting_until_stopped()
    {
        await using var server = await MdmTestServer.StartAsync();
        var output = new StringWriter();
        // The device writes from its own task while the test reads: the synchronized writer's lock keeps both whole.
        var writer = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var arguments = SimulatorArguments.Parse(
            ["--url", server.TenantUrl.AbsoluteUri, "--token", MdmTestServer.Token, "--trust-profile-root", "--loop", "--interval", "1"])!;

        var run = SimulatorRun.RunAsync(arguments, writer, stop.Token);
        await Eventually(() => server.Reports.Count >= 2);
        var udid = server.CheckIns.First().Message.Identity.Udid!;
        server.Enqueue(udid, MdmCommands.SecurityInfo());
        await Eventually(() => server.Reports.Any(report => report.Report.Status == CommandStatus.Acknowledged));
        // The device prints its answer after the server has it: stopping before then would lose the line, not the answer.
        await Eventually(() =>
        {
            lock (writer)
            {
                return output.ToString().Contains("SecurityInfo Acknowledged", StringComparison.Ordinal);
            }
        });
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_trust_in_the_servers_certificate_the_program_fails_and_says_what_to_pass()
    {
        await using var server = await MdmTestServer.StartAsync();
        var output = new StringWriter();
        var arguments = SimulatorArguments.Parse(["--url", server.TenantUrl.AbsoluteUri, "--token", MdmTestServer.Token])!;

        var exit = await SimulatorRun.RunAsync(arguments, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("--ca-file", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.CheckIns);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }
}
