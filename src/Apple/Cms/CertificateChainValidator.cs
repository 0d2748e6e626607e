using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>
/// Checks that a certificate chains to one given CA certificate and that every certificate on the way is within
/// its validity period. System roots are never consulted and revocation is not checked (the tenant's own records
/// decide whether an identity is still wanted).
/// </summary>
public sealed class CertificateChainValidator
{
    private readonly TimeProvider _timeProvider;

    public CertificateChainValidator(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <param name="certificate">The certificate to check, typically a device identity.</param>
    /// <param name="trustAnchor">The only certificate trusted as a root.</param>
    /// <param name="intermediates">Certificates that may complete the path, trusted only through the anchor.</param>
    public ChainValidationResult Validate(
        X509Certificate2 certificate, X509Certificate2 trustAnchor, X509Certificate2Collection? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(trustAnchor);

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(trustAnchor);
        policy.ExtraStore.AddRange(intermediates ?? []);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = _timeProvider.GetUtcNow().UtcDateTime;
        policy.VerificationTimeIgnored = false;

        if (chain.Build(certificate))
        {
            return new ChainValidationResult(X509ChainStatusFlags.NoError, string.Empty);
        }

        var statuses = chain.ChainStatus;
        var problems = statuses.Aggregate(X509ChainStatusFlags.NoError, (all, status) => all | status.Status);
        var description = string.Join("; ", statuses.Select(status => status.StatusInformation.Trim()).Distinct());
        return new ChainValidationResult(
            problems == X509ChainStatusFlags.NoError ? X509ChainStatusFlags.PartialChain : problems,
            description.Length == 0 ? "The chain could not be built." : description);
    }
}
