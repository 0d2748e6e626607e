using System.Globalization;
using SaaSMdm.Apple.Push;

namespace SaaSMdm.Core.Push;

/// <summary>What became of the push to one enrollment.</summary>
public sealed record PushResult(Guid EnrollmentId, PushOutcome Outcome)
{
    /// <summary>The outcome in a few words, for API callers and logs.</summary>
    public string Describe() => Outcome switch
    {
        Delivered => "delivered",
        InvalidToken invalid => $"invalid token ({Words(invalid.Reason)})",
        CertificateRejected rejected => $"push certificate rejected ({Words(rejected.Reason)})",
        Rejected rejected => $"rejected ({Words(Number(rejected.Status), rejected.Reason)})",
        Failed failed => $"failed ({Words(Number(failed.LastStatus), failed.LastReason)})",
        _ => Outcome.GetType().Name,
    };

    private static string? Number(int? status) => status?.ToString(CultureInfo.InvariantCulture);

    private static string Words(params string?[] parts)
    {
        var words = string.Join(' ', parts.Where(part => !string.IsNullOrEmpty(part)));
        return words.Length == 0 ? "no reason given" : words;
    }
}
