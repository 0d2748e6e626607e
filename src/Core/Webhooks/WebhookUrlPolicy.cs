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
/// connection, since DNS may answer differently later.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 2048;

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private static readonly IPNetwork[] SpecialNetworks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32",
        }.Select(network => IPNetwork.Parse(network)),
    ];

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
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new WebhookAddressException($"the host '{CallerText.Shorten(host)}' does not resolve.");
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookAddressException($"the host '{CallerText.Shorten(host)}' does not resolve.");
        }

        if (!options.Value.AllowPrivateNetworks && addresses.FirstOrDefault(IsSpecial) is { } refused)
        {
            throw new WebhookAddressException(
                $"the host '{CallerText.Shorten(host)}' resolves to {refused}, a loopback, private, link-local or reserved address; webhooks go to public hosts only.");
        }

        return addresses;
    }

    public static bool IsSpecial(IPAddress address)
    {
        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(normalized) || SpecialNetworks.Any(network => network.Contains(normalized));
    }
}

/// <summary>A webhook host Core may not connect to.</summary>
public sealed class WebhookAddressException(string message) : Exception(message);
