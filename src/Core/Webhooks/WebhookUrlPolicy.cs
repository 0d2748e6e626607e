using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SaaSMdm.Contracts;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Webhooks;

/// <summary>
/// Where Core may POST a tenant's events: https URLs of hosts on the public internet. A tenant must not make Core
/// call into its own network (cloud metadata, databases, admin ports), so hosts that resolve to loopback,
/// private, link-local and other special addresses are refused — when a webhook is saved, and again at every
/// connection, since DNS may answer differently later. A refusal tells the caller only that the host is not public:
/// which internal address a name resolves to is for the server's log, not for a tenant probing the network.
/// </summary>
public sealed partial class WebhookUrlPolicy(IOptions<WebhookOptions> options, ILogger<WebhookUrlPolicy> logger)
{
    public const int MaxUrlLength = 2048;

    /// <summary>The longest DNS name; the resolver refuses longer ones with an exception of its own.</summary>
    public const int MaxHostLength = 253;

    private const string NotPublic = "the host is not a public internet address; webhooks go to public hosts only.";

    private const string DoesNotResolve = "the host does not resolve.";

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private static readonly IPNetwork[] SpecialNetworks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32",
            // Tunnels and local-use translation, which reach IPv4 hosts Core cannot judge: Teredo, 6to4, local NAT64.
            "2001::/32", "2002::/16", "64:ff9b:1::/48",
        }.Select(network => IPNetwork.Parse(network)),
    ];

    /// <summary>Well-known NAT64 (RFC 6052): the IPv4 address in the last 32 bits is the one really reached.</summary>
    private static readonly IPNetwork WellKnownNat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>The URL, if it may receive webhooks.</summary>
    /// <exception cref="InvalidArgumentException">why it may not.</exception>
    public async Task<Uri> CheckAsync(string url, string field, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(url))
        {
            throw new InvalidArgumentException($"{field} is required.");
        }

        if (url.Length > MaxUrlLength)
        {
            throw new InvalidArgumentException($"{field} has {url.Length} characters; at most {MaxUrlLength} are allowed.");
        }

        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new InvalidArgumentException($"{field} must be an absolute URL without spaces; got '{CallerText.Shorten(url)}'.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(settings.AllowInsecureHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            throw new InvalidArgumentException($"{field} must be an https URL.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new InvalidArgumentException($"{field} must not carry credentials (user:password@); authenticate deliveries by their signature.");
        }

        if (uri.Fragment.Length > 0 || url.Contains('#'))
        {
            throw new InvalidArgumentException($"{field} must not have a fragment (#...).");
        }

        if (uri.IdnHost.Length > MaxHostLength)
        {
            throw new InvalidArgumentException($"{field}: the host has {uri.IdnHost.Length} characters; at most {MaxHostLength} are allowed.");
        }

        try
        {
            await AddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (WebhookAddressException e)
        {
            throw new InvalidArgumentException($"{field}: {e.Message}");
        }

        return uri;
    }

    /// <summary>The addresses Core may connect to for <paramref name="host"/>: every one it resolves to, when each is allowed.</summary>
    /// <exception cref="WebhookAddressException">the host does not resolve, or resolves to an address webhooks may not reach.</exception>
    public async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else if (host.Length > MaxHostLength)
        {
            throw new WebhookAddressException(DoesNotResolve);
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or ArgumentException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new WebhookAddressException(DoesNotResolve);
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookAddressException(DoesNotResolve);
        }

        if (!options.Value.AllowPrivateNetworks && addresses.FirstOrDefault(IsSpecial) is { } refused)
        {
            LogRefused(logger, host, refused);
            throw new WebhookAddressException(NotPublic);
        }

        return addresses;
    }

    public static bool IsSpecial(IPAddress address)
    {
        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (WellKnownNat64.Contains(normalized))
        {
            normalized = new IPAddress(normalized.GetAddressBytes()[12..]);
        }

        return IPAddress.IsLoopback(normalized) || SpecialNetworks.Any(network => network.Contains(normalized));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook host {Host} refused: it resolves to {Address}, not a public internet address")]
    private static partial void LogRefused(ILogger logger, string host, IPAddress address);
}

/// <summary>A webhook host Core may not connect to.</summary>
public sealed class WebhookAddressException(string message) : Exception(message);
