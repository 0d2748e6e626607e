using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.DeviceSim.Hardware;

namespace SaaSMdm.DeviceSim.Tests.Support;

/// <summary>Checks messages against Apple's schema in third_party, the source of truth for names and shapes.</summary>
internal static class SchemaAssert
{
    /// <summary>Keys every message carries to name its channel, which some check-in files do not list.</summary>
    private static readonly HashSet<string> IdentityKeys = ["UDID", "UserID", "UserShortName", "UserLongName"];

    /// <summary>
    /// User Enrollment's identity keys, which the schema marks required although they replace UDID (and the user
    /// keys) rather than join them: a device enrolled by profile never sends them.
    /// </summary>
    private static readonly HashSet<string> UserEnrollmentKeys = ["EnrollmentID", "EnrollmentUserID"];

    private static readonly SchemaValidator Strict = new(SchemaValidationOptions.Strict);
    private static readonly SchemaValidator Lenient = new(SchemaValidationOptions.AllowingUnknownKeys);

    /// <summary>
    /// Valid for the device's platform and channel. The schema marks keys required that only some contexts send
    /// (DeviceName on macOS only, NotOnConsole on user channels only), so a missing required key counts only where
    /// its supportedOS makes it apply; DigestResponse belongs to the second UserAuthenticate, never the first.
    /// </summary>
    public static void ValidCheckIn(PlistDictionary message, DevicePlatform platform)
    {
        var messageType = message.GetString("MessageType");
        var schema = AppleSchemaCatalog.Default.FindCheckInMessage(messageType);
        Assert.NotNull(schema);
        Assert.True(message.ContainsKey("UDID"));
        var userChannel = message.ContainsKey("UserID");
        var result = Lenient.Validate(schema.PayloadKeys, message);
        var errors = result.Errors.Where(problem => problem.Kind != SchemaProblemKind.MissingRequiredKey
            || (schema.PayloadKeys.TryFind(problem.Path, out var key) && RequiredIn(key, platform, userChannel)
                && !UserEnrollmentKeys.Contains(problem.Path)
                && !(messageType == "UserAuthenticate" && problem.Path == "DigestResponse"))).ToArray();
        Assert.True(errors.Length == 0, $"{messageType}: {string.Join(Environment.NewLine, errors.AsEnumerable())}");
        var unknown = result.Problems.Where(problem => problem.Kind == SchemaProblemKind.UnknownKey).Select(problem => problem.Path).ToArray();
        Assert.All(unknown, key => Assert.Contains(key, IdentityKeys));
    }

    /// <summary>The result keys of an acknowledged command fit its responsekeys exactly (no unknown key).</summary>
    public static void ValidResult(string requestType, PlistDictionary resultKeys)
    {
        var schema = AppleSchemaCatalog.Default.FindCommand(requestType);
        Assert.NotNull(schema);
        var result = Strict.Validate(schema.ResponseKeys, resultKeys);
        Assert.True(result.Problems.Count == 0, $"{requestType}: {result}");
    }

    private static bool RequiredIn(SchemaKey key, DevicePlatform platform, bool userChannel) =>
        !key.SupportedOS.TryGetValue(OperatingSystem(platform), out var support)
        || (support.IsAvailable && (userChannel ? support.UserChannel != false : support.DeviceChannel != false));

    private static string OperatingSystem(DevicePlatform platform) => platform == DevicePlatform.Mac ? "macOS" : "iOS";

    /// <summary>Every key present, at any depth the schema describes, is one Apple makes available on the platform's OS.</summary>
    public static void AvailableOn(DevicePlatform platform, SchemaKeyList keys, PlistDictionary value, string path = "")
    {
        var system = OperatingSystem(platform);
        foreach (var (name, child) in value)
        {
            if (!keys.TryFind(name, out var key))
            {
                continue;
            }

            var available = !key.SupportedOS.TryGetValue(system, out var support) || support.IsAvailable;
            Assert.True(available, $"{path}{name} is not available on {system}");
            if (child is PlistDictionary nested && key.Subkeys.Count > 0)
            {
                AvailableOn(platform, key.Subkeys, nested, $"{path}{name}.");
            }
        }
    }
}
