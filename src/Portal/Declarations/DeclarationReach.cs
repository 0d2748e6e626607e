using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc.Client;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>One device a declaration is assigned to and what the device last reported about it.</summary>
public sealed record DeviceDeclarationState(string DeviceId, DeclarationStatus? Status);

/// <summary>
/// The sets a declaration is in and the devices those sets are assigned to directly, each with its reported state.
/// Core lists sets without their members, so each set costs a call, as does each device: both are bounded, and the
/// page says so.
/// </summary>
public sealed record DeclarationReach(IReadOnlyList<DeclarationSet> Sets, IReadOnlyList<DeviceDeclarationState> Devices, bool SetsTruncated)
{
    public const int MaxDevices = 20;

    public const int MaxSetsScanned = 20;

    private const int MaxSets = 5;

    public static async Task<DeclarationReach> LoadAsync(
        Declarations.DeclarationsClient declarations, DeclarativeStatus.DeclarativeStatusClient status, string tenantId, string identifier, CallOptions options)
    {
        var page = await declarations.ListSetsAsync(new ListSetsRequest { TenantId = tenantId, PageSize = MaxSetsScanned }, options);
        var sets = new List<DeclarationSet>();
        foreach (var listed in page.Sets)
        {
            var set = await declarations.GetSetAsync(new GetSetRequest { TenantId = tenantId, SetId = listed.Id }, options);
            if (set.DeclarationIdentifiers.Contains(identifier))
            {
                sets.Add(set);
            }
        }

        var deviceIds = new List<string>();
        foreach (var set in sets.Where(set => set.ChannelAssignmentCount > 0).Take(MaxSets))
        {
            var assignments = await declarations.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenantId, SetId = set.Id, PageSize = MaxDevices }, options);
            deviceIds.AddRange(assignments.Channels.Select(channel => channel.DeviceId));
        }

        var devices = new List<DeviceDeclarationState>();
        foreach (var deviceId in deviceIds.Distinct(StringComparer.Ordinal).Take(MaxDevices))
        {
            var report = await status.GetDeviceStatusAsync(new GetDeviceStatusRequest { TenantId = tenantId, DeviceId = deviceId }, options);
            devices.Add(new DeviceDeclarationState(deviceId, report.Declarations.FirstOrDefault(item => item.Identifier == identifier)));
        }

        return new DeclarationReach(sets, devices, page.NextPageToken.Length > 0);
    }
}
