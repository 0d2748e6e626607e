using SaaSMdm.Core.Enrollments;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>The verification cache may skip work, never a refusal.</summary>
public sealed class VerifiedDeviceCertificatesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_certificate_verified_for_one_tenant_is_not_verified_for_another()
    {
        using var cache = new VerifiedDeviceCertificates();
        var tenant = Guid.NewGuid();

        cache.Remember(tenant, "abc", notAfter: Now.AddYears(1), Now);

        Assert.True(cache.IsVerified(tenant, "abc", Now));
        Assert.False(cache.IsVerified(Guid.NewGuid(), "abc", Now));
        Assert.False(cache.IsVerified(tenant, "abd", Now));
    }

    [Fact]
    public void An_entry_never_outlives_the_certificate_nor_a_few_minutes()
    {
        using var cache = new VerifiedDeviceCertificates();
        var tenant = Guid.NewGuid();

        cache.Remember(tenant, "expires-soon", notAfter: Now.AddMinutes(1), Now);
        cache.Remember(tenant, "long-lived", notAfter: Now.AddYears(1), Now);

        Assert.False(cache.IsVerified(tenant, "expires-soon", Now.AddMinutes(2)));
        Assert.True(cache.IsVerified(tenant, "long-lived", Now.AddMinutes(5)));
        Assert.False(cache.IsVerified(tenant, "long-lived", Now.AddMinutes(11)));
    }
}
