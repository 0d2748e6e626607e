using SaaSMdm.Contracts;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Gateway.Profiles;

/// <summary>The URLs a tenant's devices use, under the tenant's base URL on Edge.</summary>
public sealed record DeviceUrls(Uri Scep, Uri Server, Uri CheckIn)
{
    /// <summary>Plain http is accepted for a loopback base only: simulators on one machine, never a real device.</summary>
    public bool IsPlainHttp => Server.Scheme == Uri.UriSchemeHttp;

    /// <exception cref="InvalidArgumentException">not a <see cref="DeviceBaseUrl"/>.</exception>
    public static DeviceUrls Parse(string baseUrl)
    {
        if (!DeviceBaseUrl.TryParse(baseUrl, out var uri))
        {
            throw new InvalidArgumentException($"base_url must be {DeviceBaseUrl.Rule}, not '{baseUrl}'.");
        }

        var root = uri.AbsoluteUri.TrimEnd('/');
        return new DeviceUrls(new Uri(root + "/scep"), new Uri(root + "/mdm/connect"), new Uri(root + "/mdm/checkin"));
    }

    /// <summary>The same URLs over https, which Apple's schema (and so the profile builder) requires.</summary>
    public DeviceUrls AsHttps() => IsPlainHttp ? new DeviceUrls(Https(Scep), Https(Server), Https(CheckIn)) : this;

    private static Uri Https(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.Port }.Uri;
}
