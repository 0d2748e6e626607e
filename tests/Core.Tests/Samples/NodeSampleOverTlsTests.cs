using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Contracts.Auth;
using SaaSMdm.Core.Data;
using SaaSMdm.Rpc.Client;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;
using Xunit.Abstractions;

namespace SaaSMdm.Core.Tests.Samples;

/// <summary>
/// Over TLS the Node sample sends its token with grpc-js channel credentials (a metadata generator combined with the
/// TLS credentials) instead of per-call metadata: that path works too, trusting Core's certificate from CORE_CA_FILE.
/// </summary>
public sealed class NodeSampleOverTlsTests(NodeSampleOverTlsTests.TlsCoreFixture fixture, ITestOutputHelper log) : IClassFixture<NodeSampleOverTlsTests.TlsCoreFixture>
{
    [Fact]
    public async Task Node_sample_over_tls_gets_a_token_lists_devices_and_queues_a_command()
    {
        var tenant = await SampleTenant.CreateAsync(fixture.Host, fixture.OperatorChannel);

        var result = await NodeSample.RunAsync(fixture.Host.GrpcAddress.ToString(), fixture.Host.HttpAddress, tenant, tenant.ClientSecret, log,
            new Dictionary<string, string> { ["CORE_CA_FILE"] = fixture.CertificateFile });

        Assert.True(result.ExitCode == 0, result.ToString());
        await SampleOutput.AssertRanAsync(tenant, result.StandardOutput, fixture.OperatorChannel);
    }

    /// <summary>Core with its gRPC API on https, under a self-signed loopback certificate.</summary>
    public sealed class TlsCoreFixture : IAsyncLifetime
    {
        private string _directory = null!;

        public TestDatabase Database { get; private set; } = null!;

        public CoreTestHost Host { get; private set; } = null!;

        /// <summary>The operator client's channel, trusting exactly Core's certificate.</summary>
        public GrpcChannel OperatorChannel { get; private set; } = null!;

        /// <summary>Core's certificate as PEM, for clients to trust.</summary>
        public string CertificateFile { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _directory = Directory.CreateTempSubdirectory("saasmdm-samples-tls-").FullName;
            using var certificate = TestCertificates.CreateLoopbackServerCertificate();
            var pkcs12 = Path.Combine(_directory, "core.p12");
            await File.WriteAllBytesAsync(pkcs12, certificate.Export(X509ContentType.Pkcs12));
            CertificateFile = Path.Combine(_directory, "core.pem");
            await File.WriteAllTextAsync(CertificateFile, certificate.ExportCertificatePem());

            Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            Host = await CoreTestHost.StartAsync(Database, new Dictionary<string, string?>
            {
                ["Core:GrpcUrl"] = "https://127.0.0.1:0",
                ["Core:TlsCertificatePath"] = pkcs12,
            });
            var thumbprint = certificate.GetCertHashString();
            OperatorChannel = GrpcChannel.ForAddress(Host.GrpcAddress, new GrpcChannelOptions
            {
                Credentials = new ClientCredentials(
                    new TokenEndpointClient(new HttpClient(), TokenEndpointClient.EndpointOf(Host.HttpAddress)), TestSecrets.OperatorClientId, TestSecrets.OperatorClientSecret),
                ServerCertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint,
            });
        }

        public async Task DisposeAsync()
        {
            OperatorChannel.Dispose();
            await Host.DisposeAsync();
            await Database.DisposeAsync();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
