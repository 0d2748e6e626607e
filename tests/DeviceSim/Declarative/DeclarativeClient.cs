using System.Collections.Concurrent;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Protocol;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// The device's DeclarativeManagement check-ins: one per endpoint, answered with JSON (tokens, declaration-items,
/// a declaration) or nothing (status). Counts requests per endpoint kind for tests and benchmarks.
/// </summary>
internal sealed class DeclarativeClient(Func<DeviceFacts> facts, Func<PlistDictionary, CancellationToken, Task<DeviceHttpResponse>> checkIn)
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    /// <summary>Requests made by endpoint kind: <c>tokens</c>, <c>declaration-items</c>, <c>declaration</c>, <c>status</c>.</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    public async Task<SyncTokens> TokensAsync(CancellationToken cancellationToken) =>
        Read(await SendAsync("tokens", "tokens", null, cancellationToken).ConfigureAwait(false), "tokens", TokensResponse.Parse).SyncTokens;

    public async Task<DeclarationItemsResponse> DeclarationItemsAsync(CancellationToken cancellationToken) =>
        Read(await SendAsync("declaration-items", "declaration-items", null, cancellationToken).ConfigureAwait(false), "declaration-items", DeclarationItemsResponse.Parse);

    public async Task<Declaration> DeclarationAsync(DeclarationCategory category, string identifier, CancellationToken cancellationToken)
    {
        var endpoint = $"declaration/{category.PathName()}/{identifier}";
        var declaration = Read(await SendAsync("declaration", endpoint, null, cancellationToken).ConfigureAwait(false), endpoint, Declaration.Parse);
        if (declaration.Identifier != identifier || !DeclarationCategories.TryParse(TypeCategory(declaration.Type), out var actual) || actual != category)
        {
            throw new DeclarativeSyncException($"{endpoint} answered {declaration.Type} '{declaration.Identifier}', not the {category.PathName()} asked for.");
        }

        return declaration;
    }

    public async Task SendStatusAsync(StatusReport report, CancellationToken cancellationToken) =>
        await SendAsync("status", "status", report.ToJson(), cancellationToken).ConfigureAwait(false);

    private async Task<DeviceHttpResponse> SendAsync(string kind, string endpoint, byte[]? data, CancellationToken cancellationToken)
    {
        _requests.AddOrUpdate(kind, 1, (_, count) => count + 1);
        var response = await checkIn(CheckInMessages.DeclarativeManagement(facts(), endpoint, data), cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? response : throw new MdmServerException($"checkin:DeclarativeManagement:{endpoint}", response.StatusCode, response.Body);
    }

    private static T Read<T>(DeviceHttpResponse response, string endpoint, ReadOnlySpanParser<T> parse)
    {
        try
        {
            return parse(response.Body);
        }
        catch (DdmFormatException e)
        {
            throw new DeclarativeSyncException($"The {endpoint} answer is not what a device reads: {e.Message}", e);
        }
    }

    private static string TypeCategory(string type) => type.Split('.') is [_, _, var category, _, ..] ? category : string.Empty;

    private delegate T ReadOnlySpanParser<out T>(ReadOnlySpan<byte> json);
}
