using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Declarative;
using SaaSMdm.DeviceSim.Enrollment;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Protocol;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim;

/// <summary>
/// An iPhone, iPad or Mac enrolling in and managed by an MDM server over HTTPS, one protocol step per method:
/// download the profile, enroll with SCEP, Authenticate, TokenUpdate, then answer commands. Steps run one at a
/// time, as on a device; run many devices concurrently with <see cref="Fleet.DeviceFleet"/>.
/// </summary>
public sealed partial class SimulatedDevice : IDisposable
{
    private const string ProfileContentType = "application/x-apple-aspen-config";

    private readonly ILogger _logger;
    private readonly DeviceConnection _connection;
    private readonly ScepEnrollmentClient _scep;
    private readonly MdmClient _mdm;
    private readonly CommandLoop _commandLoop;
    private readonly DeclarativeClient _declarativeClient;
    private readonly DeclarativeSync _declarative;

    public SimulatedDevice(SimulatedDeviceOptions options, SimulatorServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        services ??= new SimulatorServices();
        Options = options;
        State = new DeviceState(DeviceFactsGenerator.Generate(options));
        var isMac = State.Facts.IsMac;
        MacUser = options.MacUser ?? (isMac ? DeviceFactsGenerator.MacUser() : null);
        Push = PushRegistration.Create(withUnlockToken: !isMac);
        UserPush = isMac ? PushRegistration.Create(withUnlockToken: false) : null;
        _logger = services.LoggerFactory?.CreateLogger<SimulatedDevice>() ?? NullLogger<SimulatedDevice>.Instance;
        _connection = new DeviceConnection(options.ServerTrust, services.SharedHandler, services.RequestObserver, options.RequestTimeout);
        _scep = new ScepEnrollmentClient(_connection);
        _mdm = new MdmClient(_connection);
        _commandLoop = new CommandLoop(State, options.Responders, options.Behavior, ConnectAsync);
        _declarativeClient = new DeclarativeClient(() => Facts, (message, cancellationToken) => SendCheckInAsync(message, RequestSigning.AsConfigured, cancellationToken));
        _declarative = new DeclarativeSync(State, options.Declarative, _declarativeClient);
    }

    public SimulatedDeviceOptions Options { get; }

    /// <summary>The device's facts, profiles, apps and certificates, as commands see and change them.</summary>
    public DeviceState State { get; }

    public DeviceFacts Facts => State.Facts;

    /// <summary>The declarations the device holds and their status, as of its last DDM sync.</summary>
    public DeclarativeState Declarative => _declarative.State;

    /// <summary>DDM check-ins made, by endpoint kind: <c>tokens</c>, <c>declaration-items</c>, <c>declaration</c>, <c>status</c>.</summary>
    public IReadOnlyDictionary<string, int> DeclarativeRequests => _declarative.Requests;

    /// <summary>The macOS user of the user channel; null on iPhone and iPad.</summary>
    public MacUser? MacUser { get; }

    /// <summary>The device channel's push token and magic.</summary>
    public PushRegistration Push { get; }

    /// <summary>The Mac user channel's push token and magic; null on iPhone and iPad.</summary>
    public PushRegistration? UserPush { get; }

    public DownloadedProfile? Profile { get; private set; }

    public ScepIdentity? Identity { get; private set; }

    /// <summary>TokenUpdate was accepted and no CheckOut or erase has happened since.</summary>
    public bool IsEnrolled { get; private set; }

    public bool IsErased => State.EraseRequested;

    /// <summary>Where the profile is downloaded: <c>enroll</c> below the tenant URL, with the token if there is one.</summary>
    public Uri EnrollmentUrl
    {
        get
        {
            var tenant = Options.TenantUrl.AbsoluteUri.EndsWith('/') ? Options.TenantUrl : new Uri(Options.TenantUrl.AbsoluteUri + "/");
            var url = new UriBuilder(new Uri(tenant, "enroll"));
            if (Options.EnrollmentToken is { } token)
            {
                url.Query = $"token={Uri.EscapeDataString(token)}";
            }

            return url.Uri;
        }
    }

    /// <summary>From nothing to enrolled: profile, SCEP identity, Authenticate, TokenUpdate.</summary>
    public async Task FullEnrollmentAsync(CancellationToken cancellationToken = default)
    {
        await DownloadProfileAsync(cancellationToken).ConfigureAwait(false);
        await EnrollAsync(cancellationToken).ConfigureAwait(false);
        await AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        await TokenUpdateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads the enrollment profile, checks its signature and payloads, and trusts its roots if allowed.</summary>
    /// <exception cref="MdmServerException">The server refused the download.</exception>
    /// <exception cref="EnrollmentException">The answer is not a usable signed enrollment profile.</exception>
    public async Task<DownloadedProfile> DownloadProfileAsync(CancellationToken cancellationToken = default)
    {
        using var request = DeviceConnection.Request(HttpMethod.Get, EnrollmentUrl);
        var response = await _connection.SendAsync("enroll", request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new MdmServerException("enroll", response.StatusCode, response.Body);
        }

        if (!string.Equals(response.ContentType, ProfileContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new EnrollmentException($"The profile came as '{response.ContentType}'; a device installs only {ProfileContentType}.");
        }

        var profile = EnrollmentProfileReader.Read(response.Body);
        _connection.ProfileInstalled(profile.RootCertificates);
        Profile = profile;
        LogProfileDownloaded(_logger, Facts.Udid, profile.PayloadIdentifier, profile.Mdm.Topic);
        return profile;
    }

    /// <summary>Generates the key the SCEP payload asks for and enrolls it with the payload's challenge.</summary>
    public async Task<ScepIdentity> EnrollAsync(CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        var identity = await WithNewKeyAsync(
            profile.Scep.KeySize, key => _scep.EnrollAsync(profile.Scep, key, cancellationToken)).ConfigureAwait(false);
        UseIdentity(identity);
        State.Enrolled(profile.Plist, profile.Signer, identity.Certificate, profile.RootCertificates);
        return identity;
    }

    /// <summary>
    /// Renews the identity with a SCEP RenewalReq signed by the current one, onto a new key. Send
    /// <see cref="AuthenticateAsync"/> afterwards to present the new certificate to the server.
    /// </summary>
    public async Task<ScepIdentity> RenewIdentityAsync(CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        var current = RequireIdentity();
        var identity = await WithNewKeyAsync(
            profile.Scep.KeySize, key => _scep.RenewAsync(profile.Scep, current, key, cancellationToken)).ConfigureAwait(false);
        UseIdentity(identity);
        State.ReplaceIdentity(identity.Certificate);
        return identity;
    }

    public async Task AuthenticateAsync(CancellationToken cancellationToken = default) =>
        await CheckInAsync(CheckInMessages.Authenticate(Facts, RequireProfile().Mdm.Topic), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends the device channel's push token; the server counts the enrollment complete from here.</summary>
    public async Task TokenUpdateAsync(CancellationToken cancellationToken = default)
    {
        await CheckInAsync(CheckInMessages.TokenUpdate(Facts, RequireProfile().Mdm.Topic, Push), cancellationToken).ConfigureAwait(false);
        State.PushToken = Push.Token;
        IsEnrolled = true;
    }

    /// <summary>Asks for the Mac user's channel; returns the status without throwing, since 410 is Apple's way of declining.</summary>
    public async Task<HttpStatusCode> UserAuthenticateAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendCheckInAsync(CheckInMessages.UserAuthenticate(Facts, RequireMacUser()), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>The Mac user channel's TokenUpdate, with the user's keys beside the UDID.</summary>
    public async Task UserTokenUpdateAsync(CancellationToken cancellationToken = default) =>
        await CheckInAsync(
            CheckInMessages.UserTokenUpdate(Facts, RequireProfile().Mdm.Topic, RequireMacUser(), UserPush!), cancellationToken).ConfigureAwait(false);

    /// <summary>Escrows a Mac's bootstrap token (random when null) and returns it.</summary>
    public async Task<byte[]> SetBootstrapTokenAsync(byte[]? bootstrapToken = null, CancellationToken cancellationToken = default)
    {
        RequireMacUser();
        bootstrapToken ??= RandomNumberGenerator.GetBytes(1024);
        await CheckInAsync(CheckInMessages.SetBootstrapToken(Facts, bootstrapToken), cancellationToken).ConfigureAwait(false);
        return bootstrapToken;
    }

    /// <summary>A Mac asks for its escrowed bootstrap token; null when the server holds none.</summary>
    /// <exception cref="EnrollmentException">The answer is not a property list with a data BootstrapToken.</exception>
    public async Task<byte[]?> GetBootstrapTokenAsync(CancellationToken cancellationToken = default)
    {
        RequireMacUser();
        var response = await CheckInAsync(CheckInMessages.GetBootstrapToken(Facts), cancellationToken).ConfigureAwait(false);
        if (response.IsEmpty)
        {
            return null;
        }

        try
        {
            return PlistReader.Read(response.Body) is PlistDictionary answer && answer.TryGetData("BootstrapToken", out var token) ? token.ToArray() : null;
        }
        catch (Exception e) when (e is PlistFormatException or PlistTypeException)
        {
            throw new EnrollmentException($"The GetBootstrapToken answer is malformed: {e.Message}", e);
        }
    }

    /// <summary>The MDM profile was removed: tell the server, then forget the enrollment.</summary>
    public async Task CheckOutAsync(CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        await CheckInAsync(CheckInMessages.CheckOut(Facts, profile.Mdm.Topic), cancellationToken).ConfigureAwait(false);
        State.Profiles.RemoveAll(installed => installed.Identifier == profile.PayloadIdentifier);
        IsEnrolled = false;
    }

    /// <summary>
    /// Connects as after a push: Idle, then every command until the server has nothing more. A DeclarativeManagement
    /// command among them is followed by a DDM sync (<see cref="SyncDeclarationsAsync"/>), whose failures surface here.
    /// </summary>
    public async Task<CommandLoopResult> RunCommandLoopAsync(CancellationToken cancellationToken = default)
    {
        RequireIdentity();
        var result = await _commandLoop.RunAsync(cancellationToken).ConfigureAwait(false);
        if (IsErased)
        {
            IsEnrolled = false;
        }
        else if (State.PendingDeclarativeSync is { } sync && Options.Declarative.SyncOnCommand)
        {
            State.PendingDeclarativeSync = null;
            await SyncDeclarationsAsync(sync.Tokens, cancellationToken).ConfigureAwait(false);
        }

        LogLoopEnded(_logger, Facts.Udid, result.Exchanges.Count, result.End, (int)result.FinalStatusCode);
        return result;
    }

    /// <summary>
    /// Syncs declarations now, as after a DeclarativeManagement command: with <paramref name="tokens"/> when the
    /// command carried them, else asking <c>tokens</c> first. Sends a status report when anything changed.
    /// </summary>
    /// <exception cref="MdmServerException">The server refused a DDM request.</exception>
    /// <exception cref="DeclarativeSyncException">An answer broke the protocol.</exception>
    public Task<DeclarativeSyncResult> SyncDeclarationsAsync(SyncTokens? tokens = null, CancellationToken cancellationToken = default)
    {
        RequireIdentity();
        return _declarative.SyncAsync(tokens, cancellationToken);
    }

    /// <summary>One <c>tokens</c> request, changing nothing on the device: for benchmarks of the server's answer.</summary>
    public Task<SyncTokens> FetchTokensAsync(CancellationToken cancellationToken = default) => _declarativeClient.TokensAsync(cancellationToken);

    /// <summary>One <c>declaration-items</c> request, changing nothing on the device: for benchmarks of the server's answer.</summary>
    public Task<DeclarationItemsResponse> FetchDeclarationItemsAsync(CancellationToken cancellationToken = default) =>
        _declarativeClient.DeclarationItemsAsync(cancellationToken);

    /// <summary>PUTs any check-in message and returns the answer as is, for tests of a server's refusals.</summary>
    public Task<DeviceHttpResponse> SendCheckInAsync(
        PlistDictionary message, RequestSigning signing = RequestSigning.AsConfigured, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireIdentity();
        var messageType = message.TryGetString("MessageType", out var type) ? type : "unknown";
        return PutAsync($"checkin:{messageType}", RequireProfile().Mdm.CheckInUrl, MdmClient.CheckInContentType, PlistWriter.WriteXml(message), signing, cancellationToken);
    }

    /// <summary>PUTs any body to the server URL and returns the answer as is, for tests of a server's refusals.</summary>
    public Task<DeviceHttpResponse> SendReportAsync(byte[] body, RequestSigning signing = RequestSigning.AsConfigured, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        RequireIdentity();
        return PutAsync("connect", RequireProfile().Mdm.ServerUrl, MdmClient.ConnectContentType, body, signing, cancellationToken);
    }

    public void Dispose() => _connection.Dispose();

    private async Task<DeviceHttpResponse> CheckInAsync(PlistDictionary message, CancellationToken cancellationToken)
    {
        var response = await SendCheckInAsync(message, RequestSigning.AsConfigured, cancellationToken).ConfigureAwait(false);
        var messageType = message.GetString("MessageType");
        LogCheckIn(_logger, Facts.Udid, messageType, (int)response.StatusCode);
        return response.IsSuccess ? response : throw new MdmServerException($"checkin:{messageType}", response.StatusCode, response.Body);
    }

    /// <summary>The command loop's requests; the last report of an erase goes out after the device marked itself erased.</summary>
    private Task<DeviceHttpResponse> ConnectAsync(byte[] body, CancellationToken cancellationToken) =>
        PutAsync("connect", RequireProfile().Mdm.ServerUrl, MdmClient.ConnectContentType, body, RequestSigning.AsConfigured, cancellationToken);

    private Task<DeviceHttpResponse> PutAsync(
        string kind, Uri url, string contentType, byte[] body, RequestSigning signing, CancellationToken cancellationToken)
    {
        var identity = Identity ?? throw new InvalidOperationException("The device has no identity yet; call EnrollAsync first.");
        var signMessage = Options.IdentityTransport == IdentityTransport.MdmSignature || RequireProfile().Mdm.SignMessage;
        return _mdm.PutAsync(kind, url, contentType, body, identity.Certificate, signMessage, signing, cancellationToken);
    }

    private void UseIdentity(ScepIdentity identity)
    {
        Identity = identity;
        if (Options.IdentityTransport == IdentityTransport.TlsClientCertificate)
        {
            _connection.UseClientCertificate(identity.Certificate);
        }

        LogIdentityIssued(_logger, Facts.Udid, identity.Certificate.Subject, identity.Certificate.SerialNumber);
    }

    private async Task<ScepIdentity> WithNewKeyAsync(int keySize, Func<RSA, Task<ScepIdentity>> enroll)
    {
        if (Options.KeyFactory is { } factory)
        {
            return await enroll(factory(keySize)).ConfigureAwait(false);
        }

        using var key = RSA.Create(keySize);
        return await enroll(key).ConfigureAwait(false);
    }

    private DownloadedProfile RequireProfile() =>
        Profile ?? throw new InvalidOperationException("The device has no enrollment profile yet; call DownloadProfileAsync first.");

    private ScepIdentity RequireIdentity()
    {
        if (IsErased)
        {
            throw new InvalidOperationException("The device was erased; it no longer has an MDM identity.");
        }

        return Identity ?? throw new InvalidOperationException("The device has no identity yet; call EnrollAsync first.");
    }

    private MacUser RequireMacUser() =>
        MacUser ?? throw new InvalidOperationException("Only Macs have user channels and bootstrap tokens.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Udid} downloaded profile {ProfileIdentifier} for topic {Topic}")]
    private static partial void LogProfileDownloaded(ILogger logger, string udid, string profileIdentifier, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Udid} holds identity {Subject} (serial {SerialNumber})")]
    private static partial void LogIdentityIssued(ILogger logger, string udid, string subject, string serialNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Udid} check-in {MessageType} answered {StatusCode}")]
    private static partial void LogCheckIn(ILogger logger, string udid, string messageType, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Udid} answered {CommandCount} commands; loop ended {End} ({StatusCode})")]
    private static partial void LogLoopEnded(ILogger logger, string udid, int commandCount, CommandLoopEnd end, int statusCode);
}
