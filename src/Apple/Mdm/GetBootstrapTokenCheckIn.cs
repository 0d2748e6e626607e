using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>A Mac asks for its escrowed bootstrap token.</summary>
public sealed record GetBootstrapTokenCheckIn : CheckInMessage
{
    public const string Type = "GetBootstrapToken";

    internal GetBootstrapTokenCheckIn(MessageFields fields)
        : base(fields)
    {
        AwaitingConfiguration = fields.Boolean("AwaitingConfiguration") ?? false;
    }

    public bool AwaitingConfiguration { get; }

    /// <summary>The reply body: the token, or an empty dictionary when none is escrowed.</summary>
    public static PlistDictionary Response(ReadOnlyMemory<byte>? bootstrapToken)
    {
        var response = new PlistDictionary();
        if (bootstrapToken is { } token)
        {
            response.Add("BootstrapToken", new PlistData(token));
        }

        return response;
    }
}
