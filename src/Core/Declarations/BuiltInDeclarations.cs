using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Core.Declarations;

/// <summary>
/// Declarations every enrollment gets beside its sets: the management properties (with the rollout ring) and,
/// unless the tenant turns it off, the status subscription the portal relies on with the activation that applies it.
/// Their identifiers live under <see cref="ReservedPrefix"/>, which tenants cannot use.
/// </summary>
public static class BuiltInDeclarations
{
    public const string ReservedPrefix = "saasmdm.";

    public const string PropertiesIdentifier = ReservedPrefix + "management.properties";

    public const string StatusSubscriptionIdentifier = ReservedPrefix + "status-subscriptions";

    public const string StatusSubscriptionActivationIdentifier = ReservedPrefix + "activation.status-subscriptions";

    /// <summary>The management property that places each device in a stable rollout ring, 0–99.</summary>
    public const string RingProperty = "ring";

    /// <summary>What the portal shows about a device, reported as it changes.</summary>
    public static readonly IReadOnlyList<string> SubscribedStatusItems =
    [
        "device.identifier.serial-number",
        "device.identifier.udid",
        "device.model.family",
        "device.model.identifier",
        "device.model.marketing-name",
        "device.operating-system.build-version",
        "device.operating-system.family",
        "device.operating-system.marketing-name",
        "device.operating-system.version",
        "device.power.battery-health",
        "passcode.is-compliant",
        "passcode.is-present",
        "softwareupdate.failure-reason",
        "softwareupdate.install-reason",
        "softwareupdate.install-state",
        "softwareupdate.pending-version",
    ];

    public static bool IsReserved(string identifier) => identifier.StartsWith(ReservedPrefix, StringComparison.Ordinal);

    /// <summary>The subscription configuration and its activation, in that order.</summary>
    public static IReadOnlyList<Declaration> StatusSubscription { get; } =
    [
        Declaration.Create(
            "com.apple.configuration.management.status-subscriptions",
            StatusSubscriptionIdentifier,
            Json(writer =>
            {
                writer.WriteStartArray("StatusItems");
                foreach (var name in SubscribedStatusItems)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Name", name);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            })),
        Declaration.Create(
            "com.apple.activation.simple",
            StatusSubscriptionActivationIdentifier,
            Json(writer =>
            {
                writer.WriteStartArray("StandardConfigurations");
                writer.WriteStringValue(StatusSubscriptionIdentifier);
                writer.WriteEndArray();
            })),
    ];

    /// <summary>The enrollment's management properties: the tenant's own, and the rollout ring (which cannot be overridden).</summary>
    public static Declaration Properties(string channelId, IEnumerable<KeyValuePair<string, JsonElement>> properties) =>
        Declaration.Create(
            "com.apple.management.properties",
            PropertiesIdentifier,
            Json(writer =>
            {
                foreach (var (key, value) in properties)
                {
                    if (key != RingProperty)
                    {
                        writer.WritePropertyName(key);
                        value.WriteTo(writer);
                    }
                }

                writer.WriteNumber(RingProperty, RolloutRing(channelId));
            }));

    /// <summary>
    /// 0–99 from a hash of the channel id (UDID or EnrollmentID), so a device keeps its ring across re-enrollment and
    /// a ring threshold selects about that percentage of a fleet.
    /// </summary>
    public static int RolloutRing(string channelId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(channelId), hash);
        return (int)(BitConverter.ToUInt32(hash) % 100);
    }

    private static JsonElement Json(Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }
}
