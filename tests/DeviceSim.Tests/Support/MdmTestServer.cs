using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaaSMdm.Apple.Cms;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.Apple.Scep;

namespace SaaSMdm.DeviceSim.Tests.Support;

/// <summary>
/// A small MDM server on 127.0.0.1 speaking Edge's device contract with src/Apple's parts: a signed enrollment
/// profile, SCEP, and check-in and connect endpoints that verify the device's identity, record every message and
/// hand out scripted commands with NanoMDM's queue rules (a NotNow'd command waits for the next connection).
/// </summary>
internal sealed class MdmTestServer : IAsyncDisposable
{
    public const string Slug = "test";
    public const string Token = "enrollment-secret";
    public const string Challenge = "scep-challenge-1234";

    private readonly WebApplication _app;
    private readonly MdmTestServerOptions _options;
    private readonly TestPki _pki;
    private readonly ScepServer _scep;
    private readonly MdmSignatureVerifier _signatureVerifier = new();
    private readonly CertificateChainValidator _chainValidator = new();
    private readonly ConcurrentDictionary<string, CommandQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _bootstrapTokens = new(StringComparer.Ordinal);

    private MdmTestServer(WebApplication app, MdmTestServerOptions options, TestPki pki)
    {
        _app = app;
        _options = options;
        _pki = pki;
        _scep = new ScepServer(new ScepServerOptions
        {
            CertificateAuthority = pki.ScepCaIdentity,
            ValidateChallenge = (context, _) =>
            {
                ScepRequests.Enqueue(context);
                return ValueTask.FromResult(context.IsRenewal || context.ChallengePassword == Challenge);
            },
        });
    }

    public Uri TenantUrl { get; private set; } = null!;

    public string Topic { get; } = $"com.apple.mgmt.External.{Guid.NewGuid()}";

    public ConcurrentQueue<RecordedCheckIn> CheckIns { get; } = new();

    public ConcurrentQueue<RecordedReport> Reports { get; } = new();

    public ConcurrentQueue<ScepChallengeContext> ScepRequests { get; } = new();

    /// <summary>The DeclarativeManagement check-in endpoints and the declarations they serve.</summary>
    public DeclarativeTestServer Declarative { get; } = new();

    /// <summary>Requests the server turned away, with the status and why.</summary>
    public ConcurrentQueue<(string Path, int Status, string Reason)> Refusals { get; } = new();

    public static async Task<MdmTestServer> StartAsync(MdmTestServerOptions? options = null)
    {
        var pki = TestPki.Shared;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = pki.ServerCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            // Trust is the endpoint's decision (chain to the SCEP CA), as on Edge.
            https.AllowAnyClientCertificate();
        })));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MdmTestServer(app, options ?? new MdmTestServerOptions(), pki);
        var tenant = app.MapGroup($"/t/{Slug}");
        tenant.MapGet("/enroll", server.Enroll);
        tenant.MapMethods("/scep", [HttpMethods.Get, HttpMethods.Post], server.ScepAsync);
        tenant.MapPut("/mdm/checkin", server.CheckInAsync);
        tenant.MapPut("/mdm/connect", server.ConnectAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.TenantUrl = new Uri($"{address}/t/{Slug}");
        return server;
    }

    /// <summary>Queues commands for a device channel, delivered in order.</summary>
    public void Enqueue(string udid, params CommandRequest[] commands) => Queue(udid).Add(commands);

    /// <summary>Commands still queued for the channel (not yet answered other than NotNow).</summary>
    public int Pending(string udid) => Queue(udid).Count;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Enroll(HttpRequest request)
    {
        if (request.Query["token"] != Token)
        {
            return Refuse(request, StatusCodes.Status403Forbidden, "unknown enrollment token");
        }

        var tenant = TenantUrl.AbsoluteUri;
        var profile = new EnrollmentProfileBuilder().Build(new EnrollmentProfileOptions
        {
            PayloadIdentifier = "com.example.devicesim.test.enrollment",
            DisplayName = "Test MDM Enrollment",
            Organization = "DeviceSim Tests",
            ServerUrl = new Uri($"{tenant}/mdm/connect"),
            CheckInUrl = new Uri($"{tenant}/mdm/checkin"),
            Topic = Topic,
            SignMessage = _options.SignMessage,
            Identity = new ScepIdentityOptions(new Uri($"{tenant}/scep"), _options.ProfileChallenge ?? Challenge)
            {
                Name = Slug,
                Subject = [("O", "DeviceSim Tests"), ("CN", "MDM Identity")],
                CAFingerprint = _options.CaFingerprint,
            },
            RootCertificates = _options.IncludeRootPayload ? [_pki.TlsCa.RawData] : [],
        });
        var signed = profile.Sign(new ProfileSigner(SigningIdentity.FromCertificate(_pki.ProfileSigner)));
        return Results.Bytes(_options.TransformProfile?.Invoke(signed) ?? signed, "application/x-apple-aspen-config");
    }

    private async Task<IResult> ScepAsync(HttpRequest request)
    {
        switch (request.Query[ScepTransport.OperationParameter].ToString())
        {
            case ScepTransport.GetCACaps:
                return Results.Text(ScepServer.GetCACaps(), ScepTransport.CapabilitiesContentType);
            case ScepTransport.GetCACert:
                var ca = _scep.GetCACert();
                return Results.Bytes(ca.Body, ca.ContentType);
            case ScepTransport.PKIOperation when HttpMethods.IsPost(request.Method):
                var response = await _scep.HandlePkiOperationAsync(await ReadBodyAsync(request), request.HttpContext.RequestAborted);
                return Results.Bytes(response.Body, response.ContentType);
            default:
                return Refuse(request, StatusCodes.Status400BadRequest, "unknown SCEP operation");
        }
    }

    private Task<IResult> CheckInAsync(HttpRequest request) => HandleSignedAsync(request, CheckInMessage.Parse, (message, identity) =>
    {
        CheckIns.Enqueue(new RecordedCheckIn(message, identity.Signer, identity.Source, request.ContentType));
        return message switch
        {
            UserAuthenticateCheckIn => Results.StatusCode(StatusCodes.Status410Gone),
            SetBootstrapTokenCheckIn set => StoreBootstrapToken(message.Channel.Id, set.BootstrapToken),
            DeclarativeManagementCheckIn declarative => Declarative.Answer(declarative),
            GetBootstrapTokenCheckIn => Plist(GetBootstrapTokenCheckIn.Response(_bootstrapTokens.TryGetValue(message.Channel.Id, out var token) ? token : null)),
            _ => Results.Ok(),
        };
    });

    private Task<IResult> ConnectAsync(HttpRequest request) => HandleSignedAsync(request, CommandReport.Parse, (report, identity) =>
    {
        Reports.Enqueue(new RecordedReport(report, identity.Signer, identity.Source, request.ContentType));
        var next = Queue(report.Channel.Id).Next(report);
        return next is null ? Results.Ok() : Results.Bytes(next.ToXml(), "application/xml");
    });

    /// <summary>Authenticates the device, reads the body as <typeparamref name="TMessage"/> (400 when malformed), then handles it.</summary>
    private async Task<IResult> HandleSignedAsync<TMessage>(
        HttpRequest request, Func<PlistValue, TMessage> parse, Func<TMessage, AuthenticatedBody, IResult> handle)
    {
        var (identity, failure) = await AuthenticateAsync(request);
        if (failure is not null)
        {
            return failure;
        }

        TMessage message;
        try
        {
            message = parse(PlistReader.Read(identity!.Body));
        }
        catch (Exception e) when (e is PlistFormatException or MdmMessageFormatException)
        {
            return Refuse(request, StatusCodes.Status400BadRequest, e.Message);
        }

        return handle(message, identity);
    }

    /// <summary>The device's identity from Mdm-Signature (preferred, as behind a TLS-terminating balancer) or the TLS client certificate; it must chain to the SCEP CA.</summary>
    private async Task<(AuthenticatedBody? Identity, IResult? Failure)> AuthenticateAsync(HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        X509Certificate2? signer;
        IdentitySource source;
        if (request.Headers.TryGetValue(MdmSignatureHeader.Name, out var header))
        {
            try
            {
                signer = _signatureVerifier.Verify(header.ToString(), body);
                source = IdentitySource.MdmSignature;
            }
            catch (CmsSignatureException e)
            {
                return (null, Refuse(request, StatusCodes.Status401Unauthorized, e.Message));
            }
        }
        else
        {
            signer = request.HttpContext.Connection.ClientCertificate;
            source = IdentitySource.TlsClientCertificate;
            if (signer is null)
            {
                return (null, Refuse(request, StatusCodes.Status401Unauthorized, "no identity"));
            }
        }

        var chain = _chainValidator.Validate(signer, _pki.PublicCopy(_pki.ScepCa));
        return chain.IsValid
            ? (new AuthenticatedBody(body, signer, source), null)
            : (null, Refuse(request, StatusCodes.Status403Forbidden, chain.Description));
    }

    private IResult StoreBootstrapToken(string channel, ReadOnlyMemory<byte>? token)
    {
        if (token is { } value)
        {
            _bootstrapTokens[channel] = value.ToArray();
        }
        else
        {
            _bootstrapTokens.TryRemove(channel, out _);
        }

        return Results.Ok();
    }

    private IResult Refuse(HttpRequest request, int status, string reason)
    {
        Refusals.Enqueue((request.Path.Value ?? string.Empty, status, reason));
        return Results.Text(reason, statusCode: status);
    }

    private CommandQueue Queue(string channel) => _queues.GetOrAdd(channel, _ => new CommandQueue());

    private static IResult Plist(PlistDictionary body) => Results.Bytes(PlistWriter.WriteXml(body), "application/xml");

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private sealed record AuthenticatedBody(byte[] Body, X509Certificate2 Signer, IdentitySource Source);

    /// <summary>One channel's commands: in order until answered; NotNow skips a command for the rest of that connection.</summary>
    private sealed class CommandQueue
    {
        private readonly Lock _lock = new();
        private readonly List<CommandRequest> _pending = [];
        private readonly HashSet<string> _notNowThisConnection = new(StringComparer.Ordinal);

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _pending.Count;
                }
            }
        }

        public void Add(IEnumerable<CommandRequest> commands)
        {
            lock (_lock)
            {
                _pending.AddRange(commands);
            }
        }

        public CommandRequest? Next(CommandReport report)
        {
            lock (_lock)
            {
                switch (report.Status)
                {
                    case CommandStatus.Idle:
                        _notNowThisConnection.Clear();
                        break;
                    case CommandStatus.NotNow:
                        _notNowThisConnection.Add(report.CommandUuid!);
                        break;
                    default:
                        _pending.RemoveAll(command => command.CommandUuid == report.CommandUuid);
                        break;
                }

                return _pending.FirstOrDefault(command => !_notNowThisConnection.Contains(command.CommandUuid));
            }
        }
    }
}
