using System.Security.Cryptography.X509Certificates;

namespace SaaSMdm.Apple.Cms;

/// <summary>Outcome of <see cref="CertificateChainValidator.Validate"/>.</summary>
/// <param name="Problems">Every status flag reported for any element of the chain; <c>NoError</c> when valid.</param>
/// <param name="Description">Human-readable problems, empty when valid.</param>
public sealed record ChainValidationResult(X509ChainStatusFlags Problems, string Description)
{
    public bool IsValid => Problems == X509ChainStatusFlags.NoError;
}
