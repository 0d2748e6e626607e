namespace SaaSMdm.AppleFakes.Apns;

/// <summary>A push that passed the fake's request checks, whatever it was answered.</summary>
/// <param name="DeviceToken">Lowercase hex from the path.</param>
/// <param name="Topic">The <c>apns-topic</c> header, or the client certificate's topic when the header was absent.</param>
/// <param name="Priority">The <c>apns-priority</c> header, when sent.</param>
/// <param name="Expiration">The <c>apns-expiration</c> header in Unix seconds, when sent.</param>
/// <param name="ApnsId">The <c>apns-id</c> header, when sent.</param>
/// <param name="PushMagic">The body's <c>mdm</c> string.</param>
/// <param name="ClientCertificateSubject">Subject of the TLS client certificate.</param>
/// <param name="ClientCertificateThumbprint">SHA-256 of the TLS client certificate, hex.</param>
/// <param name="ConnectionId">Kestrel's id of the connection that carried the push.</param>
/// <param name="Answer">What the fake answered.</param>
public sealed record ReceivedPush(
    string DeviceToken,
    string Topic,
    int? Priority,
    long? Expiration,
    Guid? ApnsId,
    string PushMagic,
    string ClientCertificateSubject,
    string ClientCertificateThumbprint,
    string ConnectionId,
    DateTimeOffset ReceivedAt,
    FakeApnsReply Answer);
