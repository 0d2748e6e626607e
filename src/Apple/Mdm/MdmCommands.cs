using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// Typed builders for the common commands. Any other RequestType is built with
/// <see cref="CommandRequest.Create"/>; either way, validate with <see cref="CommandValidator"/> before queueing.
/// </summary>
public static class MdmCommands
{
    /// <param name="queries">Query names such as <c>DeviceName</c>, <c>OSVersion</c>, <c>SerialNumber</c>.</param>
    public static CommandRequest DeviceInformation(IEnumerable<string> queries) =>
        Create("DeviceInformation", Keys().Add("Queries", new PlistArray(queries.Select(query => (PlistValue)query))));

    public static CommandRequest SecurityInfo() => Create("SecurityInfo");

    public static CommandRequest ProfileList(bool managedOnly = false) => Create("ProfileList", Flag(Keys(), "ManagedOnly", managedOnly));

    /// <param name="profile">The .mobileconfig, signed or not.</param>
    public static CommandRequest InstallProfile(ReadOnlyMemory<byte> profile) =>
        Create("InstallProfile", Keys().Add("Payload", new PlistData(profile)));

    /// <param name="payloadIdentifier">The PayloadIdentifier of the profile to remove.</param>
    public static CommandRequest RemoveProfile(string payloadIdentifier) => Create("RemoveProfile", Keys().Add("Identifier", payloadIdentifier));

    /// <param name="identifiers">Bundle identifiers to report on; null for all apps.</param>
    /// <param name="managedAppsOnly">Report only apps the MDM manages.</param>
    public static CommandRequest InstalledApplicationList(IEnumerable<string>? identifiers = null, bool managedAppsOnly = false)
    {
        var keys = Flag(Keys(), "ManagedAppsOnly", managedAppsOnly);
        if (identifiers is not null)
        {
            keys.Add("Identifiers", new PlistArray(identifiers.Select(identifier => (PlistValue)identifier)));
        }

        return Create("InstalledApplicationList", keys);
    }

    /// <summary>Installs an App Store app (a VPP license must be assigned first).</summary>
    /// <param name="managementFlags">1 removes the app with the MDM profile, 4 prevents backup of its data.</param>
    public static CommandRequest InstallApplicationFromStore(long iTunesStoreId, int? managementFlags = null, PlistDictionary? configuration = null) =>
        InstallApplication(Keys().Add("iTunesStoreID", iTunesStoreId), managementFlags, configuration);

    /// <summary>Installs an enterprise or custom app from its manifest (https).</summary>
    public static CommandRequest InstallApplicationFromManifest(Uri manifestUrl, int? managementFlags = null, PlistDictionary? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(manifestUrl);
        return InstallApplication(Keys().Add("ManifestURL", manifestUrl.AbsoluteUri), managementFlags, configuration);
    }

    /// <summary>Installs an App Store app by bundle identifier.</summary>
    public static CommandRequest InstallApplicationByIdentifier(string identifier, int? managementFlags = null, PlistDictionary? configuration = null) =>
        InstallApplication(Keys().Add("Identifier", identifier), managementFlags, configuration);

    /// <param name="message">Shown on the lock screen.</param>
    /// <param name="phoneNumber">Shown on the lock screen.</param>
    /// <param name="pin">macOS: the six-digit Find My PIN that unlocks the Mac.</param>
    public static CommandRequest DeviceLock(string? message = null, string? phoneNumber = null, string? pin = null) =>
        Create("DeviceLock", Optional(Optional(Optional(Keys(), "Message", message), "PhoneNumber", phoneNumber), "PIN", pin));

    public static CommandRequest EraseDevice(EraseDeviceOptions? options = null)
    {
        options ??= new EraseDeviceOptions();
        var keys = Optional(Keys(), "PIN", options.Pin);
        Flag(keys, "PreserveDataPlan", options.PreserveDataPlan);
        Flag(keys, "DisallowProximitySetup", options.DisallowProximitySetup);
        Optional(keys, "ObliterationBehavior", options.ObliterationBehavior?.ToString());
        if (options.ReturnToService is { } returnToService)
        {
            var service = new PlistDictionary().Add("Enabled", returnToService.Enabled);
            Optional(service, "WiFiProfileData", returnToService.WiFiProfileData);
            Optional(service, "MDMProfileData", returnToService.MdmProfileData);
            keys.Add("ReturnToService", service);
        }

        return Create("EraseDevice", keys);
    }

    /// <param name="notifyUser">macOS: let the logged-in user save work and restart later.</param>
    public static CommandRequest RestartDevice(bool notifyUser = false) => Create("RestartDevice", Flag(Keys(), "NotifyUser", notifyUser));

    public static CommandRequest ShutDownDevice() => Create("ShutDownDevice");

    public static CommandRequest CertificateList(bool managedOnly = false) => Create("CertificateList", Flag(Keys(), "ManagedOnly", managedOnly));

    public static CommandRequest AvailableOSUpdates() => Create("AvailableOSUpdates");

    public static CommandRequest ScheduleOSUpdate(IEnumerable<OSUpdate> updates)
    {
        var items = new PlistArray();
        foreach (var update in updates)
        {
            var item = new PlistDictionary();
            Optional(item, "ProductKey", update.ProductKey);
            Optional(item, "ProductVersion", update.ProductVersion);
            item.Add("InstallAction", update.InstallAction.ToString());
            if (update.MaxUserDeferrals is { } deferrals)
            {
                item.Add("MaxUserDeferrals", deferrals);
            }

            Optional(item, "Priority", update.Priority?.ToString());
            items.Add(item);
        }

        return Create("ScheduleOSUpdate", Keys().Add("Updates", items));
    }

    /// <param name="items">Settings such as those built by <see cref="SettingsItems"/>.</param>
    public static CommandRequest Settings(IEnumerable<PlistDictionary> items) =>
        Create("Settings", Keys().Add("Settings", new PlistArray(items)));

    /// <summary>Turns DDM on for the channel or makes it sync.</summary>
    /// <param name="tokens">The tokens response JSON, sparing the device a round trip to the <c>tokens</c> endpoint.</param>
    public static CommandRequest DeclarativeManagement(ReadOnlyMemory<byte>? tokens = null) =>
        Create("DeclarativeManagement", Optional(Keys(), "Data", tokens));

    private static CommandRequest InstallApplication(PlistDictionary keys, int? managementFlags, PlistDictionary? configuration)
    {
        if (managementFlags is { } flags)
        {
            keys.Add("ManagementFlags", flags);
        }

        if (configuration is not null)
        {
            keys.Add("Configuration", configuration);
        }

        return Create("InstallApplication", keys);
    }

    private static CommandRequest Create(string requestType, PlistDictionary? keys = null) => CommandRequest.Create(requestType, keys);

    private static PlistDictionary Keys() => new();

    /// <summary>Booleans are sent only when true, which is never the default, so commands stay minimal.</summary>
    private static PlistDictionary Flag(PlistDictionary keys, string key, bool value) => value ? keys.Add(key, true) : keys;

    private static PlistDictionary Optional(PlistDictionary keys, string key, string? value) => value is null ? keys : keys.Add(key, value);

    private static PlistDictionary Optional(PlistDictionary keys, string key, ReadOnlyMemory<byte>? value) =>
        value is { } data ? keys.Add(key, new PlistData(data)) : keys;
}
