using Google.Protobuf;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.Audit;

namespace SaaSMdm.Core.Tests.Api.Audit;

/// <summary>An entry's target names what a call was about by its identifiers, and never copies payloads or secrets.</summary>
public sealed class AuditTargetTests
{
    [Fact]
    public void Ids_of_request_and_response_are_named_once_with_the_oneof_case()
    {
        var request = new PutDeclarationRequest { TenantId = Guid.NewGuid().ToString(), Identifier = "passcode", Type = "com.apple.configuration.passcode.settings", PayloadJson = """{"MinimumLength": 6}""" };
        var response = new PutDeclarationResponse { Declaration = new Declaration { Identifier = "passcode", ServerToken = "abc123" }, Created = true };
        var tenant = new GetTenantRequest { Id = "0f7c2d8e-0000-4000-8000-000000000001" };

        Assert.Equal("identifier=passcode", AuditTarget.Describe(request, response));
        Assert.Equal("key=id, id=0f7c2d8e-0000-4000-8000-000000000001", AuditTarget.Describe(tenant, null));
    }

    [Fact]
    public void Long_lists_show_three_ids_and_a_count()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"device-{i}").ToList();

        var target = AuditTarget.Describe(new EnqueueCommandRequest { DeviceIds = { ids }, RestartDevice = new RestartDeviceCommand { NotifyUser = true } }, null);

        Assert.Equal("device_ids=[device-0, device-1, device-2, +47 more], command=restart_device", target);
    }

    [Fact]
    public void Secrets_payloads_pins_and_tokens_never_appear()
    {
        var secrets = new IMessage[]
        {
            new UploadPushCertificateRequest { Certificate = ByteString.CopyFromUtf8("PEM-CERTIFICATE"), Password = "p12-password-value" },
            new EnqueueCommandRequest { DeviceIds = { "d1" }, EraseDevice = new EraseDeviceCommand { Pin = "918273" } },
            new EnqueueCommandRequest { DeviceIds = { "d1" }, RawPlist = ByteString.CopyFromUtf8("<plist>RAW-PAYLOAD</plist>") },
            new CreateEnrollmentTokenResponse { Token = new EnrollmentToken { Id = "token-1", Label = "lab" }, Secret = "enrollment-secret-value", EnrollmentUrl = "https://x/enroll?token=enrollment-secret-value" },
            new ListDevicesRequest { PageToken = "page-token-value", Query = "query-value" },
        };

        var targets = secrets.Select(message => AuditTarget.Describe(message, null)).ToList();

        Assert.Equal(["", "device_ids=[d1], command=erase_device", "device_ids=[d1], command=raw_plist", "token.id=token-1", ""], targets);
    }

    [Fact]
    public void Values_are_bounded_and_control_characters_removed()
    {
        var target = AuditTarget.Describe(new DeleteDeclarationRequest { Identifier = "evil\r\nforged line" + new string('x', 500) }, null);

        Assert.DoesNotContain(target, char.IsControl);
        Assert.StartsWith("identifier=evil  forged line", target, StringComparison.Ordinal);
        Assert.True(target.Length <= "identifier=".Length + 65, target);
    }
}
