using Google.Protobuf;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Hosting;

namespace SaaSMdm.Edge.Identity;

/// <summary>
/// Finds the certificate a device request is made with: the TLS client certificate of the connection, or
/// the signer of the <c>Mdm-Signature</c> header, whose signature over the body is checked here. When both
/// are present (devices sign with their TLS identity) they must be the same certificate. Whether the
/// certificate belongs to the tenant is Core's decision.
/// </summary>
public sealed class DeviceIdentityResolver(IOptions<EdgeOptions> options)
{
    private readonly MdmSignatureVerifier _verifier = new();

    /// <summary>Behind a TLS-offloading load balancer no client certificate is the device's own.</summary>
    private readonly bool _trustTlsClientCertificates = !options.Value.TlsOffloaded;

    /// <exception cref="DeviceRequestRefusedException">400 or 401: no identity, an unusable or wrong signature, or two identities that disagree.</exception>
    public DeviceIdentity Resolve(HttpContext http, byte[] body)
    {
        var tlsCertificate = _trustTlsClientCertificates ? http.Connection.ClientCertificate : null;
        var signer = VerifySignature(http.Request.Headers[MdmSignatureHeader.Name], body);
        if (tlsCertificate is not null)
        {
            if (signer is not null && !tlsCertificate.RawDataMemory.Span.SequenceEqual(signer))
            {
                throw DeviceRequestRefusedException.Unauthenticated("The Mdm-Signature is made with another certificate than the TLS client certificate.");
            }

            return new DeviceIdentity
            {
                CertificateDer = ByteString.CopyFrom(tlsCertificate.RawDataMemory.Span),
                Source = DeviceIdentity.Types.Source.TlsClientCertificate,
            };
        }

        return signer is not null
            ? new DeviceIdentity { CertificateDer = UnsafeByteOperations.UnsafeWrap(signer), Source = DeviceIdentity.Types.Source.MdmSignature }
            : throw DeviceRequestRefusedException.Unauthenticated(
                "The request carries no device identity: present the device's identity certificate for TLS, or sign the body in an Mdm-Signature header.");
    }

    /// <summary>DER of the certificate that signed <paramref name="body"/>, or null when the request is not signed.</summary>
    private byte[]? VerifySignature(StringValues header, byte[] body)
    {
        if (header.Count == 0)
        {
            return null;
        }

        if (header.Count > 1)
        {
            throw DeviceRequestRefusedException.BadRequest("The request has more than one Mdm-Signature header.");
        }

        try
        {
            using var signer = _verifier.Verify(header[0] ?? "", body);
            return signer.RawData;
        }
        catch (CmsSignatureException ex) when (ex.Failure == CmsSignatureFailure.BadSignature)
        {
            throw DeviceRequestRefusedException.Unauthenticated("The Mdm-Signature does not sign this body.");
        }
        catch (CmsSignatureException ex)
        {
            throw DeviceRequestRefusedException.BadRequest($"The Mdm-Signature header is unusable ({ex.Failure}): {ex.Message}");
        }
    }
}
