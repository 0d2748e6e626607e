using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Contracts.Internal.V1;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>A device's side of SCEP over the gateway, built with src/Apple's client messages.</summary>
public sealed class TestScepClient(DeviceGateway.DeviceGatewayClient gateway, Guid tenantId)
{
    public async Task<X509Certificate2> CaCertificateAsync()
    {
        var reply = await gateway.ScepAsync(new ScepRequest { TenantId = tenantId.ToString(), Operation = ScepTransport.GetCACert });
        return X509CertificateLoader.LoadCertificate(reply.Body.Span);
    }

    /// <summary>PKCSReq: a first certificate for <paramref name="key"/>, signed with a throwaway self-signed certificate.</summary>
    public async Task<ScepCertRep> EnrollAsync(RSA key, string? challenge, string commonName)
    {
        var subject = new X500DistinguishedName($"CN={commonName}");
        var signer = ScepClientMessages.CreateSelfSignedSigner(subject, key);
        return await SendAsync(ScepMessageType.PKCSReq, ScepClientMessages.CreateSigningRequest(subject, key, challenge), signer);
    }

    /// <summary>RenewalReq: a new certificate for <paramref name="newKey"/>, signed with the certificate being renewed.</summary>
    public Task<ScepCertRep> RenewAsync(RSA newKey, SigningIdentity current) =>
        SendAsync(ScepMessageType.RenewalReq, ScepClientMessages.CreateSigningRequest(current.Certificate.SubjectName, newKey, null), current);

    public async Task<X509Certificate2> IssuedCertificateAsync(RSA key, string challenge, string commonName)
    {
        var reply = await EnrollAsync(key, challenge, commonName);
        Assert.Equal(ScepPkiStatus.Success, reply.Status);
        return Assert.Single(reply.Certificates);
    }

    private async Task<ScepCertRep> SendAsync(ScepMessageType type, byte[] signingRequest, SigningIdentity signer)
    {
        using var ca = await CaCertificateAsync();
        var request = ScepClientMessages.CreateRequest(type, signingRequest, signer, ca);
        var reply = await gateway.ScepAsync(new ScepRequest
        {
            TenantId = tenantId.ToString(),
            Operation = ScepTransport.PKIOperation,
            Message = ByteString.CopyFrom(request.Message),
        });
        Assert.Equal(ScepTransport.PkiMessageContentType, reply.ContentType);
        return ScepClientMessages.ReadCertRep(reply.Body.Span, ca, signer);
    }
}
