using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Apple.Scep;

/// <summary>Configuration of a <see cref="ScepServer"/>.</summary>
public sealed class ScepServerOptions
{
    /// <summary>The CA certificate and its RSA key: requests are encrypted to it and certificates signed by it.</summary>
    public required SigningIdentity CertificateAuthority { get; init; }

    /// <summary>
    /// Decides whether a request may be granted. Called for every PKCSReq that carries a challenge password and for
    /// every RenewalReq whose signer certificate this CA issued and is still valid (a renewal may be granted without
    /// a challenge; the callback still sees the certificate, e.g. to refuse revoked devices).
    /// </summary>
    public required Func<ScepChallengeContext, CancellationToken, ValueTask<bool>> ValidateChallenge { get; init; }

    public ScepIssuanceOptions Issuance { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>A request whose signingTime attribute is further than this from now fails with badTime.</summary>
    public TimeSpan MaxSigningTimeSkew { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Also accept requests encrypted with DES-CBC or DES-EDE3-CBC. Off by default: Apple devices use the advertised
    /// AES. micromdm's scepclient 2.1 (Debian's <c>scep</c> package) encrypts with single DES whatever GetCACaps
    /// says. Answers are encrypted with AES-256 either way.
    /// </summary>
    public bool AcceptLegacyDesEncryption { get; init; }

    /// <summary>Largest pkiMessage accepted, in bytes; a request with a 4096-bit key is under 8 KiB.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;
}
