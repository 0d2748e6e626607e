using Microsoft.Extensions.Configuration;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Edge.Hosting;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Edge.Tests.Devices;

public sealed class RequestSizeTests
{
    [Fact]
    public void The_largest_device_request_with_its_identity_fits_in_one_Core_message()
    {
        var body = new EdgeOptions().MaxDeviceRequestBytes;
        // A signer certificate cannot be larger than the signature header that carries it.
        var identity = new MdmSignatureOptions().MaxHeaderLength * 3 / 4;
        const int envelope = 1024;

        Assert.True(body + identity + envelope < new GrpcServiceOptions().MaxReceiveMessageSize);
    }

    [Theory]
    [InlineData("Edge:PublicUrl", "mdm.example.com", "PublicUrl")]
    [InlineData("Edge:PublicUrl", "ftp://mdm.example.com", "PublicUrl")]
    [InlineData("Edge:PublicUrl", "http://mdm.example.com", "PublicUrl")]
    [InlineData("Edge:PublicUrl", "https://mdm.example.com/?tenant=a", "PublicUrl")]
    [InlineData("Edge:PublicUrl", "https://mdm.example.com/#top", "PublicUrl")]
    [InlineData("Edge:PublicUrl", "https://user:secret@mdm.example.com", "PublicUrl")]
    [InlineData("Edge:MaxDeviceRequestBytes", "0", "MaxDeviceRequestBytes")]
    [InlineData("Edge:MaxDeviceRequestBytes", "4194305", "MaxDeviceRequestBytes")]
    [InlineData("Edge:CoreCallTimeoutSeconds", "0", "CoreCallTimeoutSeconds")]
    public void Unusable_settings_stop_Edge_with_a_clear_message(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => EdgeApp.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })));

        Assert.Contains(named, error.Message);
    }
}
