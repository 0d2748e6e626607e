using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Push;
using SaaSMdm.AppleFakes;
using SaaSMdm.AppleFakes.Apns;

namespace SaaSMdm.Apple.Tests.Push;

[Collection(PushCollection.Name)]
public sealed class ApnsClientTests(PushCertificates certificates)
{
    [Fact]
    public async Task Push_reaches_apns_with_path_headers_body_and_client_certificate()
    {
        await using var bed = await ApnsTestBed.StartAsync(certificates);
        var token = new byte[32];
        token[0] = 0xAB;
        token[31] = 0x01;
        var id = Guid.NewGuid();
        var push = new MdmPush(DeviceToken.FromBytes(token), "push-magic-\"quoted\"")
        {
            Priority = PushPriority.PowerConsiderate,
            Expiration = ApnsTestBed.Now.AddMinutes(5),
            ApnsId = id,
        };

        var outcome = await bed.Client.SendAsync(push);

        Assert.Equal(new Delivered(id) { Attempts = 1 }, outcome);
        var received = Assert.Single(bed.Server.ReceivedPushes);
        Assert.Equal("ab" + new string('0', 60) + "01", received.DeviceToken);
        Assert.Equal(certificates.Topic, received.Topic);
        Assert.Equal(5, received.Priority);
        Assert.Equal(ApnsTestBed.Now.AddMinutes(5).ToUnixTimeSeconds(), received.Expiration);
        Assert.Equal(id, received.ApnsId);
        Assert.Equal("push-magic-\"quoted\"", received.PushMagic);
        Assert.Equal(certificates.PushCertificate.Subject, received.ClientCertificateSubject);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificates.PushCertificate.RawData)), received.ClientCertificateThumbprint);
    }

    [Fact]
    public async Task Expiration_defaults_to_now_plus_the_configured_lifetime_and_epoch_is_sent_as_zero()
    {
        await using var bed = await ApnsTestBed.StartAsync(certificates, o => o with { DefaultExpiration = TimeSpan.FromHours(3) });

        await bed.Client.SendAsync(ApnsTestBed.NewPush());
        await bed.Client.SendAsync(ApnsTestBed.NewPush() with { Expiration = DateTimeOffset.UnixEpoch });

        Assert.Equal(
            [ApnsTestBed.Now.AddHours(3).ToUnixTimeSeconds(), 0L],
            bed.Server.ReceivedPushes.Select(p => p.Expiration));
        Assert.All(bed.Server.ReceivedPushes, p => Assert.Equal(10, p.Priority));
    }

    [Fact]
    public async Task Five_hundred_pushes_with_bounded_concurrency_each_arrive_once_and_outcomes_keep_order()
    {
        await using var bed = await ApnsTestBed.StartAsync(
            certificates,
            o => o with { MaxConcurrentPushes = 16 },
            new FakeApnsServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(2) });
        var pushes = Enumerable.Range(0, 500).Select(_ => ApnsTestBed.NewPush() with { ApnsId = Guid.NewGuid() }).ToList();

        var outcomes = await bed.Client.SendManyAsync(pushes);

        Assert.Equal(pushes.Select(p => new Delivered(p.ApnsId) { Attempts = 1 }), outcomes);
        var received = bed.Server.ReceivedPushes;
        Assert.Equal(pushes.Select(p => p.Token.Hex).Order(), received.Select(p => p.DeviceToken).Order());
        Assert.InRange(bed.Server.MaxConcurrentRequests, 2, 16);
    }

    [Fact]
    public async Task Pushes_spread_over_several_connections_when_the_server_limits_streams()
    {
        await using var bed = await ApnsTestBed.StartAsync(
            certificates,
            o => o with { MaxConcurrentPushes = 32 },
            new FakeApnsServerOptions { MaxStreamsPerConnection = 4, ResponseDelay = TimeSpan.FromMilliseconds(20) });

        var outcomes = await bed.Client.SendManyAsync(Enumerable.Range(0, 64).Select(_ => ApnsTestBed.NewPush()).ToList());

        Assert.All(outcomes, o => Assert.IsType<Delivered>(o));
        Assert.True(bed.Server.ReceivedPushes.Select(p => p.ConnectionId).Distinct().Count() > 1, "expected more than one HTTP/2 connection");
    }

    public static TheoryData<FakeApnsReply, PushOutcome> PermanentAnswers => new()
    {
        { FakeApnsReply.BadDeviceToken, new InvalidToken("BadDeviceToken", null) { Attempts = 1 } },
        {
            FakeApnsReply.Unregistered(DateTimeOffset.FromUnixTimeMilliseconds(1_735_689_600_123)),
            new InvalidToken("Unregistered", DateTimeOffset.FromUnixTimeMilliseconds(1_735_689_600_123)) { Attempts = 1 }
        },
        { FakeApnsReply.Forbidden("BadCertificateEnvironment"), new CertificateRejected("BadCertificateEnvironment") { Attempts = 1 } },
        { FakeApnsReply.PayloadTooLarge, new Rejected(413, "PayloadTooLarge") { Attempts = 1 } },
        { new FakeApnsReply(400, "BadTopic"), new Rejected(400, "BadTopic") { Attempts = 1 } },
    };

    [Theory]
    [MemberData(nameof(PermanentAnswers))]
    public async Task Permanent_answers_become_typed_outcomes_without_retries(FakeApnsReply reply, PushOutcome expected)
    {
        await using var bed = await ApnsTestBed.StartAsync(certificates);
        var push = ApnsTestBed.NewPush();
        bed.Server.ReplyTo(push.Token.Hex, reply);

        var outcome = await bed.Client.SendAsync(push);

        Assert.Equal(expected, outcome);
        Assert.Single(bed.Server.ReceivedPushes);
        Assert.Empty(bed.Time.Delays);
    }

    [Fact]
    public async Task Too_many_requests_and_unavailable_are_retried_with_growing_backoff_then_delivered()
    {
        var retry = new ApnsRetryOptions { MaxAttempts = 5, InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(3) };
        await using var bed = await ApnsTestBed.StartAsync(certificates, o => o with { Retry = retry });
        var push = ApnsTestBed.NewPush();
        bed.Server.ReplyTo(push.Token.Hex, FakeApnsReply.TooManyRequests, times: 2);
        bed.Server.ReplyTo(push.Token.Hex, FakeApnsReply.ServiceUnavailable, times: 2);

        var outcome = await bed.Client.SendAsync(push);

        Assert.IsType<Delivered>(outcome);
        Assert.Equal(5, outcome.Attempts);
        Assert.Equal([429, 429, 503, 503, 200], bed.Server.ReceivedPushes.Select(p => p.Answer.Status));
        // Steps of 1 s, 2 s, then capped at 3 s; equal jitter keeps each delay within its step's upper half.
        var delays = bed.Time.Delays;
        Assert.Equal(4, delays.Count);
        Assert.InRange(delays[0].TotalSeconds, 0.5, 1);
        Assert.InRange(delays[1].TotalSeconds, 1, 2);
        Assert.InRange(delays[2].TotalSeconds, 1.5, 3);
        Assert.InRange(delays[3].TotalSeconds, 1.5, 3);
    }

    [Fact]
    public async Task Exhausted_retries_fail_with_the_last_status_and_reason()
    {
        await using var bed = await ApnsTestBed.StartAsync(certificates, o => o with { Retry = new ApnsRetryOptions { MaxAttempts = 3 } });
        bed.Server.ReplyToAll(FakeApnsReply.InternalServerError, times: 2);
        bed.Server.ReplyToAll(FakeApnsReply.ServiceUnavailable);

        var outcome = await bed.Client.SendAsync(ApnsTestBed.NewPush());

        Assert.Equal(new Failed(503, "ServiceUnavailable") { Attempts = 3 }, outcome);
        Assert.Equal(3, bed.Server.ReceivedPushes.Count);
        Assert.Equal(2, bed.Time.Delays.Count);
    }

    [Fact]
    public async Task Reset_stream_is_retried_as_a_transport_error()
    {
        await using var bed = await ApnsTestBed.StartAsync(certificates);
        var push = ApnsTestBed.NewPush();
        bed.Server.ReplyTo(push.Token.Hex, FakeApnsReply.StreamReset, times: 1);

        var outcome = await bed.Client.SendAsync(push);

        Assert.IsType<Delivered>(outcome);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, bed.Server.ReceivedPushes.Count);
    }

    [Fact]
    public async Task Server_with_a_certificate_from_an_untrusted_ca_is_refused_without_retries()
    {
        await using var server = await FakeApnsServer.StartAsync();
        using var otherAuthority = FakeCertificateAuthority.Create("Some other CA");
        var time = new InstantDelays(ApnsTestBed.Now);
        using var trustingOther = new ApnsClient(certificates.PushCertificate, new ApnsClientOptions
        {
            BaseAddress = server.BaseAddress,
            TrustedServerRoots = [otherAuthority.PublicCertificate()],
            TimeProvider = time,
        });
        using var trustingSystem = new ApnsClient(certificates.PushCertificate, new ApnsClientOptions
        {
            BaseAddress = server.BaseAddress,
            TimeProvider = time,
        });

        foreach (var client in new[] { trustingOther, trustingSystem })
        {
            var outcome = await client.SendAsync(ApnsTestBed.NewPush());

            var failed = Assert.IsType<Failed>(outcome);
            Assert.Null(failed.LastStatus);
            Assert.Contains("certificate", failed.LastReason);
            Assert.Equal(1, failed.Attempts);
        }

        Assert.Empty(server.ReceivedPushes);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Client_certificate_refused_during_tls_is_a_transport_failure_after_retries()
    {
        // With TLS 1.3 the client learns of the refusal only after its handshake, as a broken HTTP/2 preface,
        // which looks like any dropped connection. Real APNs answers certificate problems with 403.
        using var apple = FakeCertificateAuthority.Create("The real issuer");
        await using var bed = await ApnsTestBed.StartAsync(
            certificates, serverOptions: new FakeApnsServerOptions { RequiredClientIssuer = apple.PublicCertificate() });

        var outcome = await bed.Client.SendAsync(ApnsTestBed.NewPush());

        var failed = Assert.IsType<Failed>(outcome);
        Assert.Null(failed.LastStatus);
        Assert.Equal(new ApnsRetryOptions().MaxAttempts, failed.Attempts);
        Assert.Empty(bed.Server.ReceivedPushes);
    }

    [Fact]
    public async Task Cancelling_a_batch_throws_and_stops_sending()
    {
        await using var bed = await ApnsTestBed.StartAsync(
            certificates,
            o => o with { MaxConcurrentPushes = 2 },
            new FakeApnsServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(50) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var pushes = Enumerable.Range(0, 200).Select(_ => ApnsTestBed.NewPush()).ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bed.Client.SendManyAsync(pushes, cancel.Token));

        Assert.True(bed.Server.ReceivedPushes.Count < 200);
    }

    [Fact]
    public void Client_needs_the_push_certificates_private_key_and_topic()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificates.PushCertificate.RawData);
        using var noTopic = certificates.Authority.IssueClientCertificate(new("CN=no topic"));

        Assert.Throws<ArgumentException>(() => new ApnsClient(publicOnly));
        Assert.Throws<PushCertificateException>(() => new ApnsClient(noTopic));
        using var client = new ApnsClient(certificates.PushCertificate);
        Assert.Equal(certificates.Topic, client.Topic);
    }
}
