using System.Net.Mail;
using SaaSMdm.Contracts;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>The checks every accounts request shares: names, emails, ids. Each refuses with INVALID_ARGUMENT naming the field.</summary>
public static class AccountInput
{
    public const int MaxNameLength = 200;

    public const int MaxEmailLength = 256;

    /// <summary>Longer than any client_id this API makes; a longer one names no client.</summary>
    private const int MaxClientIdLength = 64;

    /// <summary>A name people read (a client's, an MSP's, a person's), trimmed.</summary>
    public static string Name(string value, string field)
    {
        var name = value.Trim();
        return name.Length is 0 or > MaxNameLength || name.Any(char.IsControl)
            ? throw new InvalidArgumentException($"{field} must be 1 to {MaxNameLength} characters without control characters.")
            : name;
    }

    /// <summary>An email address as a person would type it: one address, nothing around it.</summary>
    public static string Email(string value)
    {
        var email = value.Trim();
        var wellFormed = email.Length is > 0 and <= MaxEmailLength
            && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            && MailAddress.TryCreate(email, out var address)
            && address.Address == email;
        return wellFormed ? email : throw new InvalidArgumentException($"email must be one email address of at most {MaxEmailLength} characters.");
    }

    /// <summary>The id of a person, MSP or tenant.</summary>
    public static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty
            ? id
            : throw new InvalidArgumentException($"{field} must be a UUID, not '{CallerText.Shorten(value)}'.");

    /// <summary>An API client's public id; one too long to be ours is reported as not found by the lookup.</summary>
    public static string ClientId(string value) =>
        value.Length is 0 ? throw new InvalidArgumentException("client_id is required.")
        : value.Length > MaxClientIdLength ? throw new NotFoundException($"No API client with client_id '{CallerText.Shorten(value)}'.")
        : value;
}
