using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Tests.Support;

/// <summary>
/// The test server's DDM endpoints: one set of declarations for every device, served as a server would
/// (tokens, declaration-items with all four arrays, each declaration or 404, status stored and answered empty).
/// Records every request with its endpoint and, for status, the report.
/// </summary>
internal sealed class DeclarativeTestServer
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Declaration> _declarations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withheld = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Endpoint, StatusReport? Report)> Requests { get; } = new();

    public IEnumerable<StatusReport> Reports => Requests.Select(request => request.Report).OfType<StatusReport>();

    public IEnumerable<string> Endpoints => Requests.Select(request => request.Endpoint);

    /// <summary>Adds or replaces a declaration, its ServerToken computed from its content.</summary>
    public Declaration Put(string type, string identifier, string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        var declaration = Declaration.Create(type, identifier, payload.RootElement);
        lock (_lock)
        {
            _declarations[identifier] = declaration;
        }

        return declaration;
    }

    public void Remove(string identifier)
    {
        lock (_lock)
        {
            _declarations.Remove(identifier);
        }
    }

    /// <summary>Lists the declaration but answers 404 when the device fetches it, like a server whose assignment changed mid-sync.</summary>
    public void Withhold(string identifier)
    {
        lock (_lock)
        {
            _withheld.Add(identifier);
        }
    }

    public DeclarationItemsResponse Items()
    {
        lock (_lock)
        {
            return DeclarationItemsResponse.From(_declarations.Values.ToArray());
        }
    }

    /// <summary>The tokens response a DeclarativeManagement command's Data would carry.</summary>
    public TokensResponse Tokens() => new(new SyncTokens(Items().DeclarationsToken, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));

    public IResult Answer(DeclarativeManagementCheckIn checkIn)
    {
        DeclarativeManagementEndpoint endpoint;
        try
        {
            endpoint = DeclarativeManagementEndpoint.Parse(checkIn.Endpoint);
        }
        catch (DdmFormatException e)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var report = endpoint.Kind == DeclarativeManagementEndpointKind.Status && checkIn.Data is { } data ? StatusReport.Parse(data.Span) : null;
        Requests.Enqueue((checkIn.Endpoint, report));
        return endpoint.Kind switch
        {
            DeclarativeManagementEndpointKind.Tokens => Json(Tokens().ToJson()),
            DeclarativeManagementEndpointKind.DeclarationItems => Json(Items().ToJson()),
            DeclarativeManagementEndpointKind.Declaration => DeclarationAnswer(endpoint),
            _ => Results.NoContent(),
        };
    }

    private IResult DeclarationAnswer(DeclarativeManagementEndpoint endpoint)
    {
        lock (_lock)
        {
            return _declarations.TryGetValue(endpoint.Identifier!, out var declaration) && declaration.Category == endpoint.Category && !_withheld.Contains(declaration.Identifier)
                ? Json(declaration.ToJson())
                : Results.NotFound();
        }
    }

    private static IResult Json(byte[] body) => Results.Bytes(body, "application/json");
}
