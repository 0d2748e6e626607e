using System.Security.Cryptography.X509Certificates;
using SaaSMdm.AppleFakes;

namespace SaaSMdm.Apple.Tests.Push;

/// <summary>One tenant's push certificate for all push tests: RSA key generation is the slow part.</summary>
public sealed class PushCertificates : IDisposable
{
    public PushCertificates()
    {
        Authority = FakeCertificateAuthority.Create("Fake Apple Push CA");
        Topic = $"com.apple.mgmt.External.{Guid.NewGuid()}";
        PushCertificate = Authority.IssuePushCertificate(Topic);
    }

    public FakeCertificateAuthority Authority { get; }

    public string Topic { get; }

    public X509Certificate2 PushCertificate { get; }

    public void Dispose()
    {
        PushCertificate.Dispose();
        Authority.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PushCollection : ICollectionFixture<PushCertificates>
{
    public const string Name = "APNs pushes";
}
