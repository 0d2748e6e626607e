using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// The keys that sign and check access tokens, shared by all Core replicas through the database. A key signs for
/// <see cref="AuthOptions.SigningKeyRotationDays"/>; its successor is made a day before, so clients that cache the JWKS
/// see it before the first token it signs, and a retired key stays published until its last token has expired.
/// </summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, SecretProtector protector, TimeProvider clock, IOptions<AuthOptions> options) : IDisposable
{
    /// <summary>How long replicas trust their cached view of the keys before reading them again.</summary>
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan SuccessorLead = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SigningKey> _opened = new(StringComparer.Ordinal);
    private Snapshot? _snapshot;

    /// <summary>The key to sign with now.</summary>
    public async Task<SigningKey> SigningKeyAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(forceReload: false, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return snapshot.Keys.Where(key => key.ActivatesAt <= now && now < key.RetiresAt).MaxBy(key => key.ActivatesAt)
            ?? (await CurrentAsync(forceReload: true, cancellationToken)).Keys.Where(key => key.ActivatesAt <= now && now < key.RetiresAt).MaxBy(key => key.ActivatesAt)
            ?? throw new InvalidOperationException("No signing key is active, although one was just made.");
    }

    /// <summary>Every key a valid token may be signed with; read again when <paramref name="unknownKeyId"/> is not among them.</summary>
    public async Task<IReadOnlyList<SigningKey>> PublishedKeysAsync(string? unknownKeyId, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(forceReload: false, cancellationToken);
        if (unknownKeyId is not null && snapshot.Keys.All(key => key.Id != unknownKeyId) && snapshot.LoadedAt + TimeSpan.FromSeconds(5) < clock.GetUtcNow())
        {
            snapshot = await CurrentAsync(forceReload: true, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return [.. snapshot.Keys.Where(key => key.ExpiresAt > now)];
    }

    private async Task<Snapshot> CurrentAsync(bool forceReload, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (!forceReload && snapshot is not null && snapshot.LoadedAt + CacheLifetime > clock.GetUtcNow())
        {
            return snapshot;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && fresh != snapshot && fresh.LoadedAt + CacheLifetime > clock.GetUtcNow())
            {
                return fresh;
            }

            return _snapshot = await LoadAsync(cancellationToken);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.SigningKeys.AsNoTracking().Where(key => key.ExpiresAt > now).ToListAsync(cancellationToken);

        var newest = rows.MaxBy(key => key.RetiresAt);
        if (newest is null || newest.RetiresAt - SuccessorLead <= now)
        {
            // Replicas may race here; each makes a key and all are published, which costs nothing but a JWKS entry.
            var activatesAt = newest is null || newest.RetiresAt <= now ? now : newest.RetiresAt;
            var made = NewKey(activatesAt);
            db.SigningKeys.Add(made);
            await db.SaveChangesAsync(cancellationToken);
            rows.Add(made);
        }

        return new Snapshot(clock.GetUtcNow(), [.. rows.Select(Open)]);
    }

    private SigningKeyEntity NewKey(DateTime activatesAt)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var retiresAt = activatesAt + TimeSpan.FromDays(options.Value.SigningKeyRotationDays);
        return new SigningKeyEntity
        {
            Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ProtectedPrivateKey = protector.Protect(SecretPurpose.TokenSigningKey, ecdsa.ExportPkcs8PrivateKey()),
            CreatedAt = StoredTime.UtcNow(clock),
            ActivatesAt = activatesAt,
            RetiresAt = retiresAt,
            ExpiresAt = retiresAt + options.Value.AccessTokenLifetime + options.Value.ClockSkew,
        };
    }

    /// <summary>Keys are decrypted once per replica, not on every reload.</summary>
    private SigningKey Open(SigningKeyEntity row) => _opened.GetOrAdd(row.Id, _ => Decrypt(row));

    private SigningKey Decrypt(SigningKeyEntity row)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(protector.Unprotect(SecretPurpose.TokenSigningKey, row.ProtectedPrivateKey), out _);
        return new SigningKey(row.Id, new ECDsaSecurityKey(ecdsa) { KeyId = row.Id }, row.ActivatesAt, row.RetiresAt, row.ExpiresAt);
    }

    public void Dispose() => _refresh.Dispose();

    private sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyList<SigningKey> Keys);
}

/// <summary>One signing key, opened.</summary>
public sealed record SigningKey(string Id, ECDsaSecurityKey Key, DateTime ActivatesAt, DateTime RetiresAt, DateTime ExpiresAt);
