using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// A message a device PUTs to the check-in URL. <see cref="Raw"/> keeps every key the device sent, including
/// those no typed property covers.
/// </summary>
public abstract record CheckInMessage
{
    private protected CheckInMessage(MessageFields fields)
    {
        Raw = fields.Dictionary;
        MessageType = fields.RequiredString("MessageType");
        Identity = EnrollmentIdentity.From(fields);
        Channel = Identity.Channel;
    }

    public string MessageType { get; }

    public EnrollmentIdentity Identity { get; }

    public EnrollmentChannel Channel { get; }

    public PlistDictionary Raw { get; }

    /// <summary>Reads a check-in by its MessageType into the matching record.</summary>
    /// <exception cref="UnknownMessageTypeException">The MessageType is not one Apple's schema defines.</exception>
    /// <exception cref="MdmMessageFormatException">
    /// The body is not a dictionary, lacks a required key, has a wrongly typed value, or has an identifier or text
    /// value over its <see cref="MdmMessageLimits"/> or with control characters.
    /// </exception>
    public static CheckInMessage Parse(PlistValue body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var fields = MessageFields.Of(body, "a check-in message");
        return fields.RequiredString("MessageType") switch
        {
            AuthenticateCheckIn.Type => new AuthenticateCheckIn(fields),
            TokenUpdateCheckIn.Type => new TokenUpdateCheckIn(fields),
            CheckOutCheckIn.Type => new CheckOutCheckIn(fields),
            UserAuthenticateCheckIn.Type => new UserAuthenticateCheckIn(fields),
            SetBootstrapTokenCheckIn.Type => new SetBootstrapTokenCheckIn(fields),
            GetBootstrapTokenCheckIn.Type => new GetBootstrapTokenCheckIn(fields),
            DeclarativeManagementCheckIn.Type => new DeclarativeManagementCheckIn(fields),
            GetTokenCheckIn.Type => new GetTokenCheckIn(fields),
            var other => throw new UnknownMessageTypeException(other),
        };
    }

    /// <summary>Every MessageType <see cref="Parse"/> understands.</summary>
    public static IReadOnlyList<string> KnownMessageTypes { get; } =
    [
        AuthenticateCheckIn.Type, TokenUpdateCheckIn.Type, CheckOutCheckIn.Type, UserAuthenticateCheckIn.Type,
        SetBootstrapTokenCheckIn.Type, GetBootstrapTokenCheckIn.Type, DeclarativeManagementCheckIn.Type, GetTokenCheckIn.Type,
    ];
}
