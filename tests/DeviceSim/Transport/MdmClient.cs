using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>PUTs check-ins and command reports, signed as the device's identity transport and profile require.</summary>
internal sealed class MdmClient(DeviceConnection connection)
{
    public const string CheckInContentType = "application/x-apple-aspen-mdm-checkin";
    public const string ConnectContentType = "application/x-apple-aspen-mdm";

    /// <param name="signMessage">Whether the device adds Mdm-Signature (its transport or the profile's SignMessage asks for it).</param>
    public async Task<DeviceHttpResponse> PutAsync(
        string kind,
        Uri url,
        string contentType,
        byte[] body,
        X509Certificate2 identity,
        bool signMessage,
        RequestSigning signing,
        CancellationToken cancellationToken)
    {
        using var request = DeviceConnection.Request(HttpMethod.Put, url, body, contentType);
        var signature = signing switch
        {
            RequestSigning.AsConfigured => signMessage ? Sign(body, identity) : null,
            RequestSigning.Unsigned => null,
            RequestSigning.Tampered => Sign([.. body, (byte)'\n'], identity),
            _ => throw new ArgumentOutOfRangeException(nameof(signing), signing, "Unknown signing."),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(MdmSignatureHeader.Name, signature);
        }

        return await connection.SendAsync(kind, request, cancellationToken).ConfigureAwait(false);
    }

    private static string Sign(byte[] body, X509Certificate2 identity) =>
        new MdmSignatureSigner(SigningIdentity.FromCertificate(identity)).Sign(body);
}
