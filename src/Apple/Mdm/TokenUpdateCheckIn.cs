namespace SaaSMdm.Apple.Mdm;

/// <summary>The channel's push token and magic, sent after Authenticate and whenever they change.</summary>
public sealed record TokenUpdateCheckIn : CheckInMessage
{
    public const string Type = "TokenUpdate";

    internal TokenUpdateCheckIn(MessageFields fields)
        : base(fields)
    {
        Topic = fields.RequiredText("Topic");
        Token = fields.RequiredData("Token");
        PushMagic = fields.RequiredText("PushMagic");
        UnlockToken = fields.Data("UnlockToken");
        AwaitingConfiguration = fields.Boolean("AwaitingConfiguration") ?? false;
        NotOnConsole = fields.Boolean("NotOnConsole");
    }

    public string Topic { get; }

    /// <summary>The APNs device token.</summary>
    public ReadOnlyMemory<byte> Token { get; }

    /// <summary>The value the push payload's <c>mdm</c> key must carry.</summary>
    public string PushMagic { get; }

    /// <summary>Clears the passcode later (ClearPasscode); sensitive.</summary>
    public ReadOnlyMemory<byte>? UnlockToken { get; }

    /// <summary>True while an ADE device waits in Setup Assistant for DeviceConfigured.</summary>
    public bool AwaitingConfiguration { get; }

    /// <summary>macOS user channels: whether the user is logged in remotely rather than at the console.</summary>
    public bool? NotOnConsole { get; }
}
