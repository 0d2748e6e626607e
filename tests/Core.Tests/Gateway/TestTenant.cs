using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>A tenant as devices meet it: its enrollment tokens, its profile, its SCEP endpoint.</summary>
public sealed class TestTenant(IGatewayFixture fixture, Guid id, string slug, string? topic)
{
    public const string BaseUrl = "https://mdm.example.test/t/";

    private string? _deviceToken;

    public Guid Id { get; } = id;

    public string Slug { get; } = slug;

    /// <summary>The push certificate's topic; null when the tenant has none.</summary>
    public string? Topic { get; } = topic;

    public IGatewayFixture Fixture { get; } = fixture;

    public DeviceGateway.DeviceGatewayClient Gateway => Fixture.Host.Gateway;

    public TestScepClient Scep => new(Gateway, Id);

    /// <summary>Stores a token the way the enrollment API does (SHA-256 hex of the secret) and returns the secret.</summary>
    public async Task<string> AddTokenAsync(int maxUses = 0, DateTime? expiresAt = null, bool revoked = false)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await Fixture.InTenantAsync(Id, (db, _) =>
        {
            db.EnrollmentTokens.Add(new EnrollmentTokenEntity
            {
                Id = Guid.NewGuid(),
                TenantId = Id,
                SecretHash = StoredHash(secret),
                Label = "test",
                CreatedAt = DateTime.UtcNow,
                ExpiresAt = expiresAt,
                MaxUses = maxUses,
                RevokedAt = revoked ? DateTime.UtcNow.AddMinutes(-1) : null,
            });
            return db.SaveChangesAsync();
        });
        return secret;
    }

    public Task<GetEnrollmentProfileResponse> DownloadProfileAsync(string token = "", string? baseUrl = null, byte[]? tlsRoot = null) =>
        Gateway.GetEnrollmentProfileAsync(new GetEnrollmentProfileRequest
        {
            TenantId = Id.ToString(),
            Token = token,
            BaseUrl = baseUrl ?? BaseUrl + Slug,
            TlsRootCaDer = tlsRoot is null ? ByteString.Empty : ByteString.CopyFrom(tlsRoot),
        }).ResponseAsync;

    /// <summary>How Core stores token secrets and SCEP challenges: SHA-256 of the UTF-8 text, lower-case hex.</summary>
    public static string StoredHash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A device that downloaded the profile and got its identity by SCEP, but has not checked in.</summary>
    public async Task<TestDevice> NewDeviceAsync(string? udid = null)
    {
        _deviceToken ??= await AddTokenAsync();
        var profile = ProfileContents.Open((await DownloadProfileAsync(_deviceToken)).Profile.Span);
        udid ??= Guid.NewGuid().ToString("D").ToUpperInvariant();
        var certificate = await Scep.IssuedCertificateAsync(Fixture.DeviceKey, profile.Challenge, $"device {udid}");
        return new TestDevice(this, udid, certificate);
    }

    /// <summary>A device through Authenticate and its first TokenUpdate.</summary>
    public async Task<TestDevice> EnrollDeviceAsync()
    {
        var device = await NewDeviceAsync();
        await device.EnrollAsync();
        return device;
    }
}
