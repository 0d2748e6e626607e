using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using EnrollmentState = SaaSMdm.Core.Data.Entities.EnrollmentState;
using SaaSMdm.Core.Push;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Enrollment;

/// <summary>The public Enrollment API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class EnrollmentService(
    CoreDbContext db,
    TenantContext tenant,
    PushCertificateRecords pushCertificates,
    PendingPushKeys pendingKeys,
    PushVendorSigner vendor,
    IOptions<EnrollmentLinkOptions> links,
    TimeProvider clock) : Contracts.V1.Enrollment.EnrollmentBase
{
    private const int MaxLabelLength = 200;

    public override async Task<CreateEnrollmentTokenResponse> CreateEnrollmentToken(CreateEnrollmentTokenRequest request, ServerCallContext context)
    {
        var now = StoredTime.UtcNow(clock);
        var label = request.Label.Trim();
        if (label.Length is 0 or > MaxLabelLength || label.Any(char.IsControl))
        {
            throw new InvalidArgumentException($"label must be 1 to {MaxLabelLength} characters without control characters.");
        }

        DateTime? expiresAt = request.ExpireTime is { } expireTime ? ApiTimestamps.Read(expireTime, "expire_time") : null;
        if (expiresAt <= now)
        {
            throw new InvalidArgumentException("expire_time must be in the future; leave it unset for a token that never expires.");
        }

        if (request.MaxUses < 0)
        {
            throw new InvalidArgumentException("max_uses must be 0 (unlimited) or more.");
        }

        var secret = EnrollmentTokenSecret.Create();
        var token = new EnrollmentTokenEntity
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            SecretHash = secret.Hash,
            Label = label,
            CreatedAt = now,
            ExpiresAt = expiresAt is { } expiry ? ToMicroseconds(expiry) : null,
            MaxUses = request.MaxUses,
        };
        db.EnrollmentTokens.Add(token);
        await db.SaveChangesAsync(context.CancellationToken);

        var slug = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.Slug).SingleAsync(context.CancellationToken);
        return new CreateEnrollmentTokenResponse
        {
            Token = EnrollmentMessages.ToToken(token),
            Secret = secret.Secret,
            EnrollmentUrl = links.Value.EnrollmentUrl(slug, secret.Secret) ?? "",
        };
    }

    public override async Task<ListEnrollmentTokensResponse> ListEnrollmentTokens(ListEnrollmentTokensRequest request, ServerCallContext context)
    {
        var tokens = await db.EnrollmentTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(context.CancellationToken);
        var response = new ListEnrollmentTokensResponse();
        response.Tokens.AddRange(tokens.Select(EnrollmentMessages.ToToken));
        return response;
    }

    public override async Task<EnrollmentToken> RevokeEnrollmentToken(RevokeEnrollmentTokenRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.TokenId, out var id))
        {
            throw new InvalidArgumentException("token_id must be an enrollment token's id (a UUID).");
        }

        var token = await db.EnrollmentTokens.FirstOrDefaultAsync(t => t.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"No enrollment token with id '{id}'.");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = StoredTime.UtcNow(clock);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return EnrollmentMessages.ToToken(token);
    }

    public override async Task<EnrollmentSettings> SetOpenEnrollment(SetOpenEnrollmentRequest request, ServerCallContext context)
    {
        // Tenants are not tenant-owned rows, so no query filter applies: name the tenant explicitly.
        await db.Tenants.Where(t => t.Id == tenant.TenantId)
            .ExecuteUpdateAsync(update => update.SetProperty(t => t.OpenEnrollment, request.Open), context.CancellationToken);
        return await SettingsAsync(context.CancellationToken);
    }

    public override Task<EnrollmentSettings> GetEnrollmentSettings(GetEnrollmentSettingsRequest request, ServerCallContext context) =>
        SettingsAsync(context.CancellationToken);

    public override async Task<PushCertificateSigningRequest> CreatePushCertificateSigningRequest(CreatePushCertificateSigningRequestRequest request, ServerCallContext context)
    {
        var pending = await pendingKeys.CreateAsync(context.CancellationToken);
        return new PushCertificateSigningRequest
        {
            CsrPem = PemEncoding.WriteString("CERTIFICATE REQUEST", pending.CsrDer),
            VendorSignedRequest = ByteString.CopyFrom(vendor.Sign(pending.CsrDer) ?? []),
            CreateTime = ApiTimestamps.From(pending.CreatedAt),
        };
    }

    public override async Task<PushCertificate> UploadPushCertificate(UploadPushCertificateRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var (read, topic) = PushCertificateReader.Read(request.Certificate.Span, request.Password, StoredTime.UtcNow(clock));
        using var certificate = read.HasPrivateKey ? read : await WithPendingKeyAsync(read, cancellationToken);
        var uploaded = pushCertificates.Create(tenant.TenantId, certificate, topic, isDevelopment: false);
        var existing = await db.PushCertificates.SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            db.PushCertificates.Add(uploaded);
        }
        else
        {
            await EnsureTopicMayChangeAsync(existing.Topic, topic, cancellationToken);
            db.Entry(existing).CurrentValues.SetValues(uploaded);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "Another push certificate was uploaded for this tenant at the same moment; try again."));
        }

        return EnrollmentMessages.ToPushCertificate(uploaded, await pendingKeys.CreatedAtAsync(cancellationToken));
    }

    public override async Task<PushCertificate> GetPushCertificate(GetPushCertificateRequest request, ServerCallContext context)
    {
        var stored = await db.PushCertificates.AsNoTracking().SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException("The tenant has no push certificate yet; upload one with UploadPushCertificate.");
        return EnrollmentMessages.ToPushCertificate(stored, await pendingKeys.CreatedAtAsync(context.CancellationToken));
    }

    /// <summary>Apple's certificate alone carries the pending key, if it certifies that key.</summary>
    private async Task<X509Certificate2> WithPendingKeyAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        using (certificate)
        {
            return await pendingKeys.ClaimAsync(certificate, cancellationToken)
                ?? throw new InvalidArgumentException(
                    "The certificate came without its private key, and it does not certify the key of this tenant's pending push certificate request. " +
                    "Upload the certificate Apple issued for the latest CreatePushCertificateSigningRequest, or a certificate with its key. Nothing was changed.");
        }
    }

    /// <summary>
    /// Devices enrolled under the old topic only ever accept pushes on it: a certificate for another topic would
    /// silently cut them off. Without such devices (say, a development certificate before the first enrollment) it may change.
    /// </summary>
    private async Task EnsureTopicMayChangeAsync(string currentTopic, string newTopic, CancellationToken cancellationToken)
    {
        if (currentTopic == newTopic)
        {
            return;
        }

        var devices = await db.Enrollments.CountAsync(e => e.State != EnrollmentState.CheckedOut, cancellationToken);
        if (devices > 0)
        {
            throw new FailedPreconditionException(
                $"The uploaded certificate is for topic {newTopic}, but {devices} enrollments use {currentTopic} and would never be reached again. " +
                "Renew the existing certificate at Apple (same topic) instead of creating a new one.");
        }
    }

    /// <summary>The precision every database keeps, so the time returned now equals the time read back later.</summary>
    private static DateTime ToMicroseconds(DateTime time) => new(time.Ticks - time.Ticks % 10, DateTimeKind.Utc);

    private async Task<EnrollmentSettings> SettingsAsync(CancellationToken cancellationToken)
    {
        var open = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.OpenEnrollment).SingleAsync(cancellationToken);
        var ca = await db.CertificateAuthorities.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return EnrollmentMessages.ToSettings(open, ca, await pendingKeys.CreatedAtAsync(cancellationToken));
    }
}
