namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// A macOS user asks for a user channel. The first message carries no DigestResponse; the server answers
/// with a challenge (or refuses with 410) and the device sends the response in a second message.
/// </summary>
public sealed record UserAuthenticateCheckIn : CheckInMessage
{
    public const string Type = "UserAuthenticate";

    internal UserAuthenticateCheckIn(MessageFields fields)
        : base(fields)
    {
        DigestResponse = fields.String("DigestResponse");
    }

    public string? DigestResponse { get; }
}
