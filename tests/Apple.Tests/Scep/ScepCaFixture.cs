using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Apple.Tests.Cms;

namespace SaaSMdm.Apple.Tests.Scep;

/// <summary>One RSA CA shared by a test class (RSA key generation is the slow part of these tests).</summary>
public sealed class ScepCaFixture : IDisposable
{
    public ScepCaFixture()
    {
        Certificate = TestPki.CreateRoot("SaaSMdm Test SCEP CA", TestKeyType.Rsa2048);
        Identity = SigningIdentity.FromCertificate(Certificate);
        RequesterKey = RSA.Create(2048);
    }

    public X509Certificate2 Certificate { get; }

    public SigningIdentity Identity { get; }

    /// <summary>The key of the simulated device; tests of one class run one after another, so sharing it is safe.</summary>
    public RSA RequesterKey { get; }

    /// <summary>A server for this CA that accepts <paramref name="challenge"/> and records every challenge check.</summary>
    internal (ScepServer Server, ConcurrentQueue<ScepChallengeContext> Seen) CreateServer(
        string challenge,
        TimeProvider? timeProvider = null,
        bool acceptLegacyDesEncryption = false,
        ScepIssuanceOptions? issuance = null,
        bool grantRenewals = true)
    {
        var seen = new ConcurrentQueue<ScepChallengeContext>();
        var server = new ScepServer(new ScepServerOptions
        {
            CertificateAuthority = Identity,
            ValidateChallenge = (context, _) =>
            {
                seen.Enqueue(context);
                return ValueTask.FromResult(context.IsRenewal ? grantRenewals : context.ChallengePassword == challenge);
            },
            TimeProvider = timeProvider ?? TimeProvider.System,
            AcceptLegacyDesEncryption = acceptLegacyDesEncryption,
            Issuance = issuance ?? new ScepIssuanceOptions(),
        });
        return (server, seen);
    }

    public void Dispose()
    {
        RequesterKey.Dispose();
        Certificate.Dispose();
    }
}
