using System.Runtime.InteropServices;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Verifies the <c>Mdm-Signature</c> header a device sends when its enrollment profile sets <c>SignMessage</c>:
/// base64 of a DER detached CMS SignedData over the HTTP body. Returns the embedded signer certificate without
/// judging trust in it; see <see cref="CertificateChainValidator"/> for that.
/// </summary>
public sealed class MdmSignatureVerifier
{
    private readonly MdmSignatureOptions _options;

    public MdmSignatureVerifier(MdmSignatureOptions? options = null)
    {
        _options = options ?? new MdmSignatureOptions();
    }

    /// <summary>Returns the certificate that signed <paramref name="body"/>.</summary>
    /// <exception cref="CmsSignatureException">The header is too large, malformed, or does not sign the body.</exception>
    public X509Certificate2 Verify(string headerValue, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        var encoded = DecodeHeader(headerValue);

        var asSent = SingleSignerCheck.Decode(new SignedCms(), encoded);
        if (asSent.ContentInfo.Content.Length > 0)
        {
            throw new CmsSignatureException(
                CmsSignatureFailure.NotDetached, "The signature carries its own content; a detached signature of the body is expected.");
        }

        var overBody = SingleSignerCheck.Decode(new SignedCms(new ContentInfo(AsArray(body)), detached: true), encoded);
        return SingleSignerCheck.Verify(overBody);
    }

    private byte[] DecodeHeader(string headerValue)
    {
        if (headerValue.Length > _options.MaxHeaderLength)
        {
            throw new CmsSignatureException(
                CmsSignatureFailure.TooLarge,
                $"The header has {headerValue.Length} characters; at most {_options.MaxHeaderLength} are accepted.");
        }

        // Convert skips the whitespace of wrapped base64; the buffer is an upper bound of the decoded length.
        var buffer = new byte[(headerValue.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(headerValue, buffer, out var written) || written == 0)
        {
            throw new CmsSignatureException(CmsSignatureFailure.Malformed, "The header is not base64.");
        }

        return buffer[..written];
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : body.ToArray();
}
