using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Certificates;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Gateway.Profiles;

/// <summary>
/// Hands out a tenant's enrollment profile: a SCEP payload with a one-time challenge, the MDM payload on the
/// tenant's push topic and, for development, Edge's TLS root; signed by the tenant's CA.
/// </summary>
public sealed partial class EnrollmentProfileIssuer(
    CoreDbContext db,
    EnrollmentTokenGate tokens,
    ScepChallenges challenges,
    TenantPushTopic pushTopic,
    TenantCertificateAuthorities authorities,
    EnrollmentProfileBuilder builder,
    ILogger<EnrollmentProfileIssuer> logger)
{
    /// <exception cref="InvalidArgumentException">base_url or tls_root_ca_der is malformed.</exception>
    /// <exception cref="PermissionDeniedException">the token does not admit a download.</exception>
    /// <exception cref="FailedPreconditionException">the tenant has no push certificate yet.</exception>
    public async Task<GetEnrollmentProfileResponse> IssueAsync(TenantEntity tenant, GetEnrollmentProfileRequest request, CancellationToken cancellationToken)
    {
        var urls = DeviceUrls.Parse(request.BaseUrl);
        var tlsRoot = ReadTlsRoot(request.TlsRootCaDer);
        var token = await tokens.AdmitAsync(tenant, request.Token, cancellationToken);
        var topic = await pushTopic.FindAsync(cancellationToken)
            ?? throw new FailedPreconditionException("The organization cannot enroll devices yet: upload an APNs push certificate first.");

        var challenge = ScepChallenges.Create();
        var profile = Build(tenant, urls, topic, challenge, tlsRoot);
        byte[] signed;
        using (var ca = await TenantCaKey.OpenAsync(authorities, cancellationToken))
        {
            signed = profile.Sign(new ProfileSigner(ca.Identity));
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (token is not null)
            {
                await tokens.TakeUseAsync(token, cancellationToken);
            }

            challenges.Add(challenge);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogIssued(logger, tenant.Slug, token?.Id);
        return new GetEnrollmentProfileResponse
        {
            Profile = ByteString.CopyFrom(signed),
            FileName = $"{tenant.Slug}-enrollment.mobileconfig",
        };
    }

    private EnrollmentProfile Build(TenantEntity tenant, DeviceUrls urls, string topic, string challenge, byte[]? tlsRoot)
    {
        var profileUrls = urls.AsHttps();
        var profile = builder.Build(new EnrollmentProfileOptions
        {
            PayloadIdentifier = EnrollmentProfileIdentifier.For(tenant.Slug),
            DisplayName = $"{tenant.DisplayName} device management",
            Organization = tenant.DisplayName,
            Description = $"Lets {tenant.DisplayName} manage this device.",
            ServerUrl = profileUrls.Server,
            CheckInUrl = profileUrls.CheckIn,
            Topic = topic,
            Identity = new ScepIdentityOptions(profileUrls.Scep, challenge)
            {
                Subject = [("O", tenant.DisplayName), ("CN", $"{tenant.Slug} MDM identity")],
                KeySize = 2048,
            },
            SignMessage = true,
            CheckOutWhenRemoved = true,
            AccessRights = EnrollmentProfileOptions.AllAccessRights,
            ServerCapabilities = [EnrollmentProfileOptions.PerUserConnections, EnrollmentProfileOptions.BootstrapToken],
            RootCertificates = tlsRoot is null ? [] : [tlsRoot],
        });
        if (urls.IsPlainHttp)
        {
            PutUrls(profile.Plist, urls);
        }

        return profile;
    }

    /// <summary>Apple's schema admits https only, so a loopback http base goes into the profile after the builder has validated it.</summary>
    private static void PutUrls(PlistDictionary profile, DeviceUrls urls)
    {
        foreach (var payload in profile.GetArray("PayloadContent").OfType<PlistDictionary>())
        {
            switch (payload.GetString("PayloadType"))
            {
                case "com.apple.security.scep":
                    payload.GetDictionary("PayloadContent").Set("URL", urls.Scep.AbsoluteUri);
                    break;
                case "com.apple.mdm":
                    payload.Set("ServerURL", urls.Server.AbsoluteUri).Set("CheckInURL", urls.CheckIn.AbsoluteUri);
                    break;
            }
        }
    }

    private static byte[]? ReadTlsRoot(ByteString der)
    {
        if (der.IsEmpty)
        {
            return null;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der.Span);
            return certificate.RawData;
        }
        catch (CryptographicException e)
        {
            throw new InvalidArgumentException($"tls_root_ca_der is not a DER certificate: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued an enrollment profile for tenant {Slug} (enrollment token {TokenId})")]
    private static partial void LogIssued(ILogger logger, string slug, Guid? tokenId);
}
