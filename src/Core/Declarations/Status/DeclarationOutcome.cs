using System.Text.Json;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Declarations.Status;

/// <summary>How a declaration stands on one enrollment channel, judged from its status row and its current token.</summary>
public enum DeclarationOutcome
{
    /// <summary>Reported active with the current token.</summary>
    Active,

    /// <summary>Reported with the current token as invalid, or with an <c>Error.*</c> reason.</summary>
    Failed,

    /// <summary>Reported valid with the current token, but not active.</summary>
    Inactive,

    /// <summary>Nothing reported for the current token yet (or its validity is still unknown).</summary>
    Pending,

    /// <summary>Reported, but no longer effective for the channel.</summary>
    NotAssigned,
}

public static class DeclarationOutcomes
{
    /// <param name="row">What the channel last reported about the declaration, if anything.</param>
    /// <param name="currentToken">The declaration's server token for the channel; null when it is not effective.</param>
    public static DeclarationOutcome Judge(DeclarationStatusEntity? row, string? currentToken)
    {
        if (currentToken is null)
        {
            return DeclarationOutcome.NotAssigned;
        }

        if (row is null || row.ServerToken != currentToken)
        {
            return DeclarationOutcome.Pending;
        }

        if (row.Valid == "invalid" || HasErrorReason(row.ReasonsJson))
        {
            return DeclarationOutcome.Failed;
        }

        return row.Active ? DeclarationOutcome.Active
            : row.Valid == "valid" ? DeclarationOutcome.Inactive
            : DeclarationOutcome.Pending;
    }

    private static bool HasErrorReason(string? reasonsJson)
    {
        if (reasonsJson is null)
        {
            return false;
        }

        using var reasons = JsonDocument.Parse(reasonsJson);
        return reasons.RootElement.ValueKind == JsonValueKind.Array && reasons.RootElement.EnumerateArray().Any(reason =>
            reason.ValueKind == JsonValueKind.Object
            && reason.TryGetProperty("code", out var code)
            && code.ValueKind == JsonValueKind.String
            && code.GetString()!.StartsWith("Error.", StringComparison.Ordinal));
    }
}
