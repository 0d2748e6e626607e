using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>
/// A simulated device with a real identity certificate from the tenant's SCEP: it sends check-ins and command
/// reports as plists, signed (as far as Core can tell) with <see cref="Certificate"/>.
/// </summary>
public sealed class TestDevice(TestTenant tenant, string udid, X509Certificate2 certificate)
{
    public static readonly byte[] PushToken = Convert.FromHexString("0badc0ffee0badc0ffee0badc0ffee0badc0ffee0badc0ffee0badc0ffee0bad");

    public TestTenant Tenant { get; } = tenant;

    public string Udid { get; } = udid;

    /// <summary>The identity the device presents; a renewal replaces it.</summary>
    public X509Certificate2 Certificate { get; set; } = certificate;

    public SigningIdentity Identity => new(Certificate, Tenant.Fixture.DeviceKey);

    public PlistDictionary Authenticate() => new PlistDictionary()
        .Add("MessageType", "Authenticate")
        .Add("UDID", Udid)
        .Add("Topic", Tenant.Topic ?? "com.apple.mgmt.External.none")
        .Add("DeviceName", "Test iPhone")
        .Add("Model", "iPhone15,2")
        .Add("ModelName", "iPhone")
        .Add("ProductName", "iPhone15,2")
        .Add("OSVersion", "17.4")
        .Add("BuildVersion", "21E219")
        .Add("SerialNumber", "F2LXK0ABCDEF")
        .Add("IMEI", "35 123456 789012 3");

    public PlistDictionary TokenUpdate(string pushMagic = "magic-1", byte[]? unlockToken = null)
    {
        var message = new PlistDictionary()
            .Add("MessageType", "TokenUpdate")
            .Add("UDID", Udid)
            .Add("Topic", Tenant.Topic ?? "com.apple.mgmt.External.none")
            .Add("Token", new PlistData(PushToken))
            .Add("PushMagic", pushMagic)
            .Add("AwaitingConfiguration", false);
        if (unlockToken is not null)
        {
            message.Add("UnlockToken", new PlistData(unlockToken));
        }

        return message;
    }

    /// <summary>A message of <paramref name="messageType"/> on the device channel with extra keys.</summary>
    public PlistDictionary Message(string messageType) => new PlistDictionary().Add("MessageType", messageType).Add("UDID", Udid);

    public Task<DeviceResponse> CheckInAsync(PlistDictionary message, X509Certificate2? presenting = null) =>
        CheckInAsync(PlistWriter.WriteXml(message), message.GetString("MessageType"), presenting);

    public Task<DeviceResponse> CheckInAsync(byte[] plist, string messageType, X509Certificate2? presenting = null) =>
        Tenant.Gateway.CheckInAsync(new CheckInRequest
        {
            TenantId = Tenant.Id.ToString(),
            Identity = IdentityOf(presenting ?? Certificate),
            Plist = ByteString.CopyFrom(plist),
            MessageType = messageType,
        }).ResponseAsync;

    /// <summary>A command report; <paramref name="keys"/> adds result keys (or user-channel identity keys).</summary>
    public PlistDictionary Report(string status, string? commandUuid = null, PlistDictionary? keys = null)
    {
        var report = new PlistDictionary().Add("UDID", Udid).Add("Status", status);
        if (commandUuid is not null)
        {
            report.Add("CommandUUID", commandUuid);
        }

        foreach (var (key, value) in keys ?? [])
        {
            report.Add(key, value);
        }

        return report;
    }

    public Task<DeviceResponse> ConnectAsync(PlistDictionary report, X509Certificate2? presenting = null) =>
        ConnectAsync(PlistWriter.WriteXml(report), presenting);

    public Task<DeviceResponse> ConnectAsync(byte[] plist, X509Certificate2? presenting = null) =>
        Tenant.Gateway.ConnectAsync(new ConnectRequest
        {
            TenantId = Tenant.Id.ToString(),
            Identity = IdentityOf(presenting ?? Certificate),
            Plist = ByteString.CopyFrom(plist),
        }).ResponseAsync;

    public Task<DeviceResponse> ConnectAsync(string status, string? commandUuid = null, PlistDictionary? keys = null) =>
        ConnectAsync(Report(status, commandUuid, keys));

    /// <summary>Authenticate, the first TokenUpdate, and the DeclarativeManagement command that follows it, acknowledged.</summary>
    public async Task EnrollAsync()
    {
        AssertAccepted(await CheckInAsync(Authenticate()));
        AssertAccepted(await CheckInAsync(TokenUpdate()));
        await AcknowledgeDeclarativeManagementAsync();
    }

    /// <summary>
    /// Takes the DeclarativeManagement command a channel gets when its enrollment completes (it turns DDM on) off
    /// the queue, as a device does, so a test's own commands come next.
    /// </summary>
    public async Task AcknowledgeDeclarativeManagementAsync(PlistDictionary? channelKeys = null)
    {
        var reply = await ConnectAsync("Idle", keys: channelKeys);
        var command = (PlistDictionary)PlistReader.Read(reply.Body.Span);
        Assert.Equal("DeclarativeManagement", command.GetDictionary("Command").GetString("RequestType"));
        Assert.Null(CommandIn(await ConnectAsync("Acknowledged", command.GetString("CommandUUID"), channelKeys)));
    }

    /// <summary>A DeclarativeManagement check-in for <paramref name="endpoint"/>; <paramref name="channelKeys"/> addresses a user channel.</summary>
    public Task<DeviceResponse> DeclarativeAsync(string endpoint, byte[]? data = null, PlistDictionary? channelKeys = null)
    {
        var message = Message("DeclarativeManagement").Add("Endpoint", endpoint);
        if (data is not null)
        {
            message.Add("Data", new PlistData(data));
        }

        foreach (var (key, value) in channelKeys ?? [])
        {
            message.Add(key, value);
        }

        return CheckInAsync(message);
    }

    /// <summary>The JSON body of a successful DeclarativeManagement answer.</summary>
    public static byte[] JsonIn(DeviceResponse reply)
    {
        Assert.Equal(200, reply.HttpStatus);
        Assert.Equal("application/json", reply.ContentType);
        return reply.Body.ToByteArray();
    }

    /// <summary>The CommandUUID of the command in a reply, or null for an empty 200.</summary>
    public static string? CommandIn(DeviceResponse reply)
    {
        Assert.Equal(200, reply.HttpStatus);
        if (reply.Body.IsEmpty)
        {
            return null;
        }

        Assert.Equal("application/xml", reply.ContentType);
        return ((PlistDictionary)PlistReader.Read(reply.Body.Span)).GetString("CommandUUID");
    }

    public static void AssertAccepted(DeviceResponse reply)
    {
        Assert.Equal(200, reply.HttpStatus);
        Assert.True(reply.Body.IsEmpty);
    }

    public static void AssertUnrecognized(DeviceResponse reply)
    {
        Assert.Equal(403, reply.HttpStatus);
        Assert.Equal("application/xml", reply.ContentType);
        Assert.Equal("com.apple.unrecognized.device", ((PlistDictionary)PlistReader.Read(reply.Body.Span)).GetString("code"));
    }

    public static async Task<RpcException> AssertRefusedAsync(StatusCode status, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(status, error.StatusCode);
        return error;
    }

    private static DeviceIdentity IdentityOf(X509Certificate2 certificate) => new()
    {
        CertificateDer = ByteString.CopyFrom(certificate.RawData),
        Source = DeviceIdentity.Types.Source.MdmSignature,
    };
}
