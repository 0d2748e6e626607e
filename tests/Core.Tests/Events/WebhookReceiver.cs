using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Events;

/// <summary>
/// A webhook endpoint on 127.0.0.1 as an integrator would write it: it checks each delivery's signature on its own
/// (recomputing the HMAC over the raw body, not with Core's code) and records what came. Each hook name can be told
/// which status to answer.
/// </summary>
public sealed class WebhookReceiver : IAsyncLifetime
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var valid = _secrets.TryGetValue(name, out var secret) && SignatureIsValid(headers.GetValueOrDefault("SaaSMdm-Signature"), body.ToArray(), secret);
            _received.Enqueue(new ReceivedWebhook(name, Encoding.UTF8.GetString(body.ToArray()), headers, valid));
            return Results.StatusCode(_statuses.GetValueOrDefault(name, 204));
        });
        await _app.StartAsync();
        BaseAddress = BoundAddresses.Of(_app)[0];
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A URL for a new hook that answers <paramref name="status"/> and trusts <see cref="Trust"/>'s secret.</summary>
    public string NewHook(out string name, int status = 204)
    {
        name = Guid.NewGuid().ToString("N");
        _statuses[name] = status;
        return new Uri(BaseAddress, "hooks/" + name).ToString();
    }

    public void Answer(string name, int status) => _statuses[name] = status;

    public void Trust(string name, string secret) => _secrets[name] = secret;

    public IReadOnlyList<ReceivedWebhook> For(string name) => [.. _received.Where(r => r.Name == name)];

    /// <summary>Stripe-style: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>, with t close to now.</summary>
    public static bool SignatureIsValid(string? header, byte[] body, string secret)
    {
        var parts = (header ?? "").Split(',').Select(part => part.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        byte[] signed = [.. Encoding.UTF8.GetBytes(t + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(v1));
    }
}

/// <summary>One POST the receiver took.</summary>
public sealed record ReceivedWebhook(string Name, string Body, IReadOnlyDictionary<string, string> Headers, bool SignatureValid);
