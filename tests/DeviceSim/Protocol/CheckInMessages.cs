using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Protocol;

/// <summary>
/// The check-in messages a device sends, with the keys Apple's schema (<c>mdm/checkin/*.yaml</c>) gives its
/// platform: an iPhone's Authenticate carries IMEI but no DeviceName, a Mac's the reverse.
/// </summary>
public static class CheckInMessages
{
    public static PlistDictionary Authenticate(DeviceFacts facts, string topic)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var keys = AppleSchemaCatalog.Default.FindCheckInMessage("Authenticate")!.PayloadKeys;
        var message = Message("Authenticate", facts).Add("Topic", topic);
        AddAvailable(message, keys, facts.Platform, "DeviceName", facts.DeviceName);
        AddAvailable(message, keys, facts.Platform, "Model", facts.Model.Model);
        AddAvailable(message, keys, facts.Platform, "ModelName", facts.Model.ModelName);
        AddAvailable(message, keys, facts.Platform, "ProductName", facts.Model.ProductName);
        AddAvailable(message, keys, facts.Platform, "OSVersion", facts.OperatingSystem.Version);
        AddAvailable(message, keys, facts.Platform, "BuildVersion", facts.OperatingSystem.Build);
        AddAvailable(message, keys, facts.Platform, "SerialNumber", facts.SerialNumber);
        AddAvailable(message, keys, facts.Platform, "IMEI", facts.Imei);
        return message;
    }

    public static PlistDictionary TokenUpdate(DeviceFacts facts, string topic, PushRegistration push)
    {
        ArgumentNullException.ThrowIfNull(push);
        var message = Message("TokenUpdate", facts)
            .Add("Topic", topic)
            .Add("Token", new PlistData(push.Token))
            .Add("PushMagic", push.PushMagic);
        if (push.UnlockToken is { } unlockToken)
        {
            message.Add("UnlockToken", new PlistData(unlockToken));
        }

        return message;
    }

    /// <summary>A Mac's user channel announces itself with the user's keys beside the device's UDID.</summary>
    public static PlistDictionary UserTokenUpdate(DeviceFacts facts, string topic, MacUser user, PushRegistration push) =>
        WithUser(TokenUpdate(facts, topic, push), user).Add("NotOnConsole", false);

    /// <summary>The first UserAuthenticate, without DigestResponse: the server answers with a challenge or declines with 410.</summary>
    public static PlistDictionary UserAuthenticate(DeviceFacts facts, MacUser user) => WithUser(Message("UserAuthenticate", facts), user);

    /// <param name="bootstrapToken">The token to escrow; null asks the server to forget the escrowed one.</param>
    public static PlistDictionary SetBootstrapToken(DeviceFacts facts, byte[]? bootstrapToken)
    {
        var message = Message("SetBootstrapToken", facts);
        if (bootstrapToken is not null)
        {
            message.Add("BootstrapToken", new PlistData(bootstrapToken));
        }

        return message;
    }

    public static PlistDictionary GetBootstrapToken(DeviceFacts facts) => Message("GetBootstrapToken", facts);

    /// <summary>A DDM request to <paramref name="endpoint"/>; <paramref name="data"/> is the JSON a status report carries.</summary>
    public static PlistDictionary DeclarativeManagement(DeviceFacts facts, string endpoint, byte[]? data = null)
    {
        var message = Message("DeclarativeManagement", facts).Add("Endpoint", endpoint);
        if (data is not null)
        {
            message.Add("Data", new PlistData(data));
        }

        return message;
    }

    public static PlistDictionary CheckOut(DeviceFacts facts, string topic) => Message("CheckOut", facts).Add("Topic", topic);

    private static PlistDictionary Message(string messageType, DeviceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new PlistDictionary().Add("MessageType", messageType).Add("UDID", facts.Udid);
    }

    private static PlistDictionary WithUser(PlistDictionary message, MacUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return message.Add("UserID", user.UserId).Add("UserShortName", user.ShortName).Add("UserLongName", user.LongName);
    }

    private static void AddAvailable(PlistDictionary message, SchemaKeyList keys, DevicePlatform platform, string key, string? value)
    {
        if (value is not null && SchemaAvailability.IsAvailable(keys, key, platform))
        {
            message.Add(key, value);
        }
    }
}
