using SaaSMdm.Contracts;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api.Commands;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;
using ApiExcludedDeclaration = SaaSMdm.Contracts.V1.ExcludedDeclaration;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>What one channel gets, its management properties, and the tenant-wide switches and sync.</summary>
public sealed partial class DeclarationsService
{
    public const int MaxProperties = 100;

    public const int MaxPropertyValueLength = 1024;

    public override async Task<DeviceDeclarations> GetDeviceDeclarations(GetDeviceDeclarationsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var channel = await channels.FindAsync(request.DeviceId, request.UserEnrollmentId, cancellationToken);
        var resolved = await effective.ForChannelAsync(channel, cancellationToken);
        var sources = await SourcesAsync(channel.Id, cancellationToken);
        var state = await db.DeclarativeStates.AsNoTracking().FirstOrDefaultAsync(s => s.EnrollmentId == channel.Id, cancellationToken);

        var response = new DeviceDeclarations
        {
            DeclarationsToken = resolved.DeclarationsToken,
            LastSentToken = state?.DeclarationsToken ?? "",
            LastSentTokenTime = ApiTimestamps.From(state?.TokenChangedAt),
        };
        foreach (var declaration in resolved.Declarations.OrderBy(d => d.Identifier, StringComparer.Ordinal))
        {
            var item = new EffectiveDeclaration
            {
                Identifier = declaration.Identifier,
                Type = declaration.Type,
                Category = DeclarationMessages.ToCategory(declaration.Type),
                ServerToken = declaration.ServerToken,
                BuiltIn = BuiltInDeclarations.IsReserved(declaration.Identifier),
            };
            item.Sources.AddRange(sources[declaration.Identifier]);
            response.Declarations.Add(item);
        }

        foreach (var excluded in resolved.Excluded.OrderBy(d => d.Identifier, StringComparer.Ordinal))
        {
            var item = new ApiExcludedDeclaration { Identifier = excluded.Identifier, Type = excluded.Type, Reason = excluded.Reason };
            item.Sources.AddRange(sources[excluded.Identifier]);
            response.Excluded.Add(item);
        }

        return response;
    }

    public override async Task<SetDevicePropertiesResponse> SetDeviceProperties(SetDevicePropertiesRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var properties = ReadProperties(request.PropertiesJson);
        var channel = await channels.FindAsync(request.DeviceId, request.UserEnrollmentId, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.ManagementProperties.Where(p => p.EnrollmentId == channel.Id).ExecuteDeleteAsync(cancellationToken);
            db.ManagementProperties.AddRange(properties.Select(p => new ManagementPropertyEntity
            {
                EnrollmentId = channel.Id, TenantId = tenant.TenantId, Key = p.Key, ValueJson = p.Value,
            }));
            await SaveAsync($"The properties of device {request.DeviceId} were set by another call at the same moment; try again.", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new SetDevicePropertiesResponse
        {
            Properties = await PropertiesOfAsync(channel, cancellationToken),
            Sync = await propagation.NotifyAsync(request.DeferSync, [channel.Id], cancellationToken),
        };
    }

    public override async Task<DeviceProperties> GetDeviceProperties(GetDevicePropertiesRequest request, ServerCallContext context)
    {
        var channel = await channels.FindAsync(request.DeviceId, request.UserEnrollmentId, context.CancellationToken);
        return await PropertiesOfAsync(channel, context.CancellationToken);
    }

    public override async Task<SetDefaultStatusSubscriptionResponse> SetDefaultStatusSubscription(SetDefaultStatusSubscriptionRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var changed = await db.Tenants.Where(t => t.Id == tenant.TenantId && t.DefaultStatusSubscription != request.Enabled)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.DefaultStatusSubscription, request.Enabled), cancellationToken);
        return new SetDefaultStatusSubscriptionResponse
        {
            Enabled = request.Enabled,
            Sync = changed == 0 || request.DeferSync ? new SyncResult() : await propagation.NotifyTenantAsync(cancellationToken),
        };
    }

    public override async Task<SyncResult> SyncDevices(SyncDevicesRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (request.DeviceIds.Count == 0)
        {
            return await propagation.NotifyTenantAsync(cancellationToken);
        }

        var devices = await targets.ResolveAsync(request.DeviceIds, enrolledOnly: false, cancellationToken);
        var userChannels = await db.Enrollments.AsNoTracking()
            .Where(e => e.ParentId != null && EF.Parameter(devices).Contains(e.ParentId.Value))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        return await propagation.NotifyAsync(deferred: false, devices.Concat(userChannels).ToList(), cancellationToken);
    }

    /// <summary>The sets (and the groups bringing them) each declaration identifier of the channel comes from.</summary>
    private async Task<ILookup<string, DeclarationSource>> SourcesAsync(Guid enrollmentId, CancellationToken cancellationToken)
    {
        var direct = await db.EnrollmentSetAssignments.AsNoTracking()
            .Where(a => a.EnrollmentId == enrollmentId)
            .Select(a => new { a.SetId, GroupId = (Guid?)null })
            .ToListAsync(cancellationToken);
        var viaGroups = await (
                from member in db.DeviceGroupMembers.AsNoTracking()
                where member.EnrollmentId == enrollmentId
                join assignment in db.GroupSetAssignments.AsNoTracking() on member.GroupId equals assignment.GroupId
                select new { assignment.SetId, GroupId = (Guid?)member.GroupId })
            .ToListAsync(cancellationToken);
        var routes = direct.Concat(viaGroups).ToList();
        var setIds = routes.Select(r => r.SetId).Distinct().ToList();
        var members = await (
                from member in db.DeclarationSetMembers.AsNoTracking()
                where EF.Parameter(setIds).Contains(member.SetId)
                join set in db.DeclarationSets.AsNoTracking() on member.SetId equals set.Id
                join declaration in db.Declarations.AsNoTracking() on member.DeclarationId equals declaration.Id
                select new { member.SetId, set.Name, declaration.Identifier })
            .ToListAsync(cancellationToken);
        return (
                from member in members
                join route in routes on member.SetId equals route.SetId
                orderby member.Name, route.GroupId
                select (member.Identifier, Source: new DeclarationSource { SetId = member.SetId.ToString(), SetName = member.Name, GroupId = route.GroupId?.ToString() ?? "" }))
            .ToLookup(s => s.Identifier, s => s.Source, StringComparer.Ordinal);
    }

    private async Task<DeviceProperties> PropertiesOfAsync(EnrollmentEntity channel, CancellationToken cancellationToken)
    {
        var ring = BuiltInDeclarations.RolloutRing(channel.ChannelId);
        var message = new DeviceProperties { Ring = ring };
        message.PropertiesJson.Add(await db.ManagementProperties.AsNoTracking()
            .Where(p => p.EnrollmentId == channel.Id)
            .ToDictionaryAsync(p => p.Key, p => p.ValueJson, cancellationToken));
        message.PropertiesJson[BuiltInDeclarations.RingProperty] = ring.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return message;
    }

    /// <returns>Each property with its value as canonical JSON.</returns>
    private static Dictionary<string, string> ReadProperties(IDictionary<string, string> properties)
    {
        if (properties.Count > MaxProperties)
        {
            throw new InvalidArgumentException($"properties_json has at most {MaxProperties} keys; got {properties.Count}.");
        }

        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, json) in properties)
        {
            if (key == BuiltInDeclarations.RingProperty)
            {
                throw new InvalidArgumentException($"The property \"{BuiltInDeclarations.RingProperty}\" is the built-in rollout ring and cannot be set.");
            }

            if (!PropertyKey().IsMatch(key))
            {
                throw new InvalidArgumentException($"Property key '{CallerText.Shorten(key)}' must be 1 to 128 letters, digits, '.', '_' or '-'.");
            }

            read[key] = PropertyValue(key, json);
        }

        return read;
    }

    private static string PropertyValue(string key, string json)
    {
        if (json.Length > MaxPropertyValueLength)
        {
            throw new InvalidArgumentException($"The value of property '{key}' is longer than {MaxPropertyValueLength} characters.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement))
                : throw new InvalidArgumentException($"The value of property '{key}' must be a JSON string, number or boolean; got {document.RootElement.ValueKind}.");
        }
        catch (JsonException)
        {
            throw new InvalidArgumentException($"The value of property '{key}' is not JSON (a string needs its quotes, e.g. \"\\\"sales\\\"\").");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex PropertyKey();
}
