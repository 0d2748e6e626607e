using SaaSMdm.Core.Api.Enrollment;

namespace SaaSMdm.Core.Tests.Api;

public sealed class EnrollmentLinkOptionsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("https://mdm.example.com", "https://mdm.example.com/t/acme/enroll?token=abc-_1")]
    [InlineData("https://mdm.example.com/edge/", "https://mdm.example.com/edge/t/acme/enroll?token=abc-_1")]
    public void Enrollment_url_is_made_only_when_the_public_edge_url_is_known(string? edgeUrl, string? expected)
    {
        var options = new EnrollmentLinkOptions { PublicEdgeUrl = edgeUrl };

        Assert.Null(options.Problem());
        Assert.Equal(expected, options.EnrollmentUrl("acme", "abc-_1"));
    }

    [Theory]
    [InlineData("http://mdm.example.com")]
    [InlineData("mdm.example.com")]
    [InlineData("https://mdm.example.com/?x=1")]
    public void Public_edge_url_must_be_plain_https(string edgeUrl) =>
        Assert.NotNull(new EnrollmentLinkOptions { PublicEdgeUrl = edgeUrl }.Problem());
}
