using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Tests.Cms;

public sealed class CertificateChainValidatorTests
{
    private readonly CertificateChainValidator _validator = new(new FixedTimeProvider(TestPki.Now));

    [Fact]
    public void Accepts_a_certificate_issued_through_an_intermediate_by_the_anchor()
    {
        using var root = TestPki.CreateRoot("Tenant CA");
        using var intermediate = TestPki.Issue(root, "Tenant Intermediate", isCa: true);
        using var device = TestPki.Issue(intermediate, "device", TestKeyType.EcdsaP256);

        var result = _validator.Validate(device, root, [intermediate]);

        Assert.True(result.IsValid, result.Description);
    }

    [Fact]
    public void Refuses_a_certificate_of_another_ca()
    {
        using var root = TestPki.CreateRoot("Tenant CA");
        using var stranger = TestPki.CreateRoot("Other tenant CA");
        using var device = TestPki.Issue(stranger, "device");

        var result = _validator.Validate(device, root);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Description);
    }

    [Fact]
    public void Refuses_when_the_intermediate_is_missing()
    {
        using var root = TestPki.CreateRoot("Tenant CA");
        using var intermediate = TestPki.Issue(root, "Tenant Intermediate", isCa: true);
        using var device = TestPki.Issue(intermediate, "device");

        Assert.False(_validator.Validate(device, root).IsValid);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(400)]
    public void Refuses_a_certificate_outside_its_validity_at_the_injected_time(int daysFromNow)
    {
        using var root = TestPki.CreateRoot("Tenant CA");
        using var device = TestPki.Issue(root, "device", notBefore: TestPki.Now.AddDays(-1), notAfter: TestPki.Now.AddDays(365));
        var validator = new CertificateChainValidator(new FixedTimeProvider(TestPki.Now.AddDays(daysFromNow)));

        var result = validator.Validate(device, root);

        Assert.False(result.IsValid);
        Assert.True(result.Problems.HasFlag(System.Security.Cryptography.X509Certificates.X509ChainStatusFlags.NotTimeValid), result.Description);
    }
}
