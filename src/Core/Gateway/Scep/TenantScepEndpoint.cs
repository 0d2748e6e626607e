using System.Text;
using Google.Protobuf;
using SaaSMdm.Apple.Scep;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Gateway.Scep;

/// <summary>
/// SCEP against the current tenant's CA. A new identity needs a one-time challenge from an enrollment profile;
/// a renewal needs the identity bound to one of the tenant's enrollments. The CA key is opened for a PKIOperation
/// only, and lives for that one request.
/// </summary>
public sealed partial class TenantScepEndpoint(
    TenantCertificateAuthorities authorities,
    ScepChallenges challenges,
    IdentityRenewals renewals,
    TimeProvider clock,
    ILogger<TenantScepEndpoint> logger)
{
    /// <exception cref="InvalidArgumentException">an unknown operation, or a pkiMessage too malformed to answer.</exception>
    public async Task<ScepResponse> HandleAsync(ScepRequest request, CancellationToken cancellationToken)
    {
        if (request.Operation is not (ScepTransport.GetCACaps or ScepTransport.GetCACert or ScepTransport.PKIOperation))
        {
            throw new InvalidArgumentException(
                $"Unknown SCEP operation '{request.Operation}'; use {ScepTransport.GetCACaps}, {ScepTransport.GetCACert} or {ScepTransport.PKIOperation}.");
        }

        if (request.Operation == ScepTransport.GetCACaps)
        {
            return Answer(ScepTransport.CapabilitiesContentType, Encoding.ASCII.GetBytes(ScepServer.GetCACaps()));
        }

        if (request.Operation == ScepTransport.GetCACert)
        {
            using var certificate = await authorities.GetCertificateAsync(cancellationToken);
            return Answer(ScepServer.GetCACert(certificate));
        }

        // Only a PKIOperation needs the CA key: it is decrypted for this request and wiped after it.
        using var ca = await TenantCaKey.OpenAsync(authorities, cancellationToken);
        var renewal = new RenewalTarget();
        var server = new ScepServer(new ScepServerOptions
        {
            CertificateAuthority = ca.Identity,
            TimeProvider = clock,
            ValidateChallenge = (context, token) => AuthorizeAsync(context, renewal, token),
        });
        return await PkiOperationAsync(server, request.Message, renewal, cancellationToken);
    }

    private async Task<ScepResponse> PkiOperationAsync(ScepServer server, ByteString message, RenewalTarget renewal, CancellationToken cancellationToken)
    {
        ScepPkiResponse response;
        try
        {
            response = await server.HandlePkiOperationAsync(message.Memory, cancellationToken);
        }
        catch (ScepException e)
        {
            throw new InvalidArgumentException($"The SCEP message cannot be answered: {e.Message}");
        }

        if (response.IssuedCertificate is { } issued)
        {
            if (renewal.EnrollmentId is { } enrollmentId)
            {
                await renewals.RebindAsync(enrollmentId, issued, cancellationToken);
            }

            LogIssued(logger, response.RequestType, issued.Subject, renewal.EnrollmentId);
        }
        else
        {
            LogRefused(logger, response.RequestType, response.FailInfo, response.FailureReason);
        }

        return Answer(response.ContentType, response.Body);
    }

    private async ValueTask<bool> AuthorizeAsync(ScepChallengeContext context, RenewalTarget renewal, CancellationToken cancellationToken)
    {
        if (!context.IsRenewal)
        {
            return context.ChallengePassword is { } challenge && await challenges.RedeemAsync(challenge, cancellationToken);
        }

        renewal.EnrollmentId = await renewals.FindRenewableAsync(context.SignerCertificate, cancellationToken);
        return renewal.EnrollmentId is not null;
    }

    private static ScepResponse Answer(ScepContent content) => Answer(content.ContentType, content.Body);

    private static ScepResponse Answer(string contentType, byte[] body) =>
        new() { ContentType = contentType, Body = ByteString.CopyFrom(body) };

    /// <summary>The enrollment a granted renewal moves to the new certificate.</summary>
    private sealed class RenewalTarget
    {
        public Guid? EnrollmentId { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SCEP {RequestType} issued a certificate for {Subject} (renewing enrollment {EnrollmentId})")]
    private static partial void LogIssued(ILogger logger, ScepMessageType requestType, string subject, Guid? enrollmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "SCEP {RequestType} refused ({FailInfo}): {Reason}")]
    private static partial void LogRefused(ILogger logger, ScepMessageType requestType, ScepFailInfo? failInfo, string? reason);
}
