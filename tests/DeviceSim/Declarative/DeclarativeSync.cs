using System.Text.Json.Nodes;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.DeviceSim.Commands;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// One device's DDM: a sync takes the tokens (given, or from <c>tokens</c>), and when the DeclarationsToken is new
/// fetches declaration-items, then only the declarations whose (identifier, ServerToken) it does not hold, and drops
/// those no longer listed. It then re-evaluates every declaration and reports what changed to <c>status</c>.
/// </summary>
internal sealed class DeclarativeSync(DeviceState device, DeclarativeBehavior behavior, DeclarativeClient client)
{
    private readonly StatusReporter _reporter = new(behavior);

    public DeclarativeState State { get; } = new();

    public IReadOnlyDictionary<string, int> Requests => client.Requests;

    /// <exception cref="MdmServerException">The server refused a DDM request.</exception>
    /// <exception cref="DeclarativeSyncException">An answer broke the protocol.</exception>
    public async Task<DeclarativeSyncResult> SyncAsync(SyncTokens? tokens, CancellationToken cancellationToken)
    {
        tokens ??= await client.TokensAsync(cancellationToken).ConfigureAwait(false);
        var fetched = new List<string>();
        var removed = new List<string>();
        if (tokens.DeclarationsToken != State.DeclarationsToken)
        {
            var items = await client.DeclarationItemsAsync(cancellationToken).ConfigureAwait(false);
            var listed = Listed(items.Declarations);
            foreach (var (category, item) in listed)
            {
                if (!State.Held.TryGetValue(item.Identifier, out var held) || held.ServerToken != item.ServerToken)
                {
                    State.Hold(await client.DeclarationAsync(category, item.Identifier, cancellationToken).ConfigureAwait(false));
                    fetched.Add(item.Identifier);
                }
            }

            var keep = listed.Select(entry => entry.Item.Identifier).ToHashSet(StringComparer.Ordinal);
            removed.AddRange(State.Held.Keys.Where(identifier => !keep.Contains(identifier)).Order(StringComparer.Ordinal).ToArray());
            removed.ForEach(identifier => State.Remove(identifier));
            State.Synced(items.DeclarationsToken);
        }

        var capabilities = ClientCapabilities.For(device.Facts, behavior);
        var evaluation = DeclarationEvaluator.Evaluate(State.Held, device.Facts, capabilities, State.SoftwareUpdate);
        State.Evaluated(evaluation);
        var report = await ReportAsync(capabilities, evaluation, cancellationToken).ConfigureAwait(false);
        return new DeclarativeSyncResult(fetched, removed, report);
    }

    private async Task<StatusReport?> ReportAsync(ClientCapabilities capabilities, DeclarativeEvaluation evaluation, CancellationToken cancellationToken)
    {
        var reportable = DeviceStatusItems.FromFacts(device.Facts);
        foreach (var (name, value) in DeviceStatusItems.SoftwareUpdate(evaluation.SoftwareUpdate))
        {
            reportable[name] = value;
        }

        var current = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["management.client-capabilities"] = capabilities.ToStatusValue(),
            ["management.declarations"] = DeclarationStatusItems(),
        };
        var unavailable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in evaluation.Subscriptions.Where(name => !current.ContainsKey(name)))
        {
            if (capabilities.StatusItems.Contains(name) && reportable.TryGetValue(name, out var value))
            {
                current[name] = value;
            }
            else
            {
                unavailable.Add(name);
            }
        }

        if (_reporter.Next(current, unavailable) is not { } pending)
        {
            return null;
        }

        await client.SendStatusAsync(pending.Report, cancellationToken).ConfigureAwait(false);
        _reporter.Acknowledged(pending);
        return pending.Report;
    }

    /// <summary>The <c>management.declarations</c> value: every held declaration by category, sorted by identifier.</summary>
    private JsonObject DeclarationStatusItems()
    {
        var value = new JsonObject();
        foreach (var category in Enum.GetValues<DeclarationCategory>())
        {
            value[ClientCapabilities.PluralName(category)] = new JsonArray([.. State.Declarations.Values
                .Where(held => held.Category == category)
                .OrderBy(held => held.Identifier, StringComparer.Ordinal)
                .Select(held => (JsonNode)StatusElement(held))]);
        }

        return value;
    }

    private static JsonObject StatusElement(HeldDeclaration held)
    {
        var element = new JsonObject
        {
            ["identifier"] = held.Identifier,
            ["server-token"] = held.ServerToken,
            ["active"] = held.Status.Active,
            ["valid"] = held.Status.Validity.ToString().ToLowerInvariant(),
        };
        if (held.Status.Reasons.Count > 0)
        {
            element["reasons"] = new JsonArray([.. held.Status.Reasons.Select(reason => (JsonNode)Reason(reason))]);
        }

        return element;
    }

    private static JsonObject Reason(StatusReason reason)
    {
        var value = new JsonObject { ["code"] = reason.Code };
        if (reason.Description is { } description)
        {
            value["description"] = description;
        }

        if (reason.Details is { } details)
        {
            value["details"] = JsonNode.Parse(details.GetRawText());
        }

        return value;
    }

    private static List<(DeclarationCategory Category, DeclarationItem Item)> Listed(DeclarationItemsManifest manifest) =>
    [
        .. manifest.Activations.Select(item => (DeclarationCategory.Activation, item)),
        .. manifest.Configurations.Select(item => (DeclarationCategory.Configuration, item)),
        .. manifest.Assets.Select(item => (DeclarationCategory.Asset, item)),
        .. manifest.Management.Select(item => (DeclarationCategory.Management, item)),
    ];
}
