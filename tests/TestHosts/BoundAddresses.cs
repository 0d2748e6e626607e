using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SaaSMdm.TestHosts;

public static class BoundAddresses
{
    /// <summary>The addresses Kestrel bound, in the order the host configured its endpoints (port 0 resolved).</summary>
    public static IReadOnlyList<Uri> Of(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address))
            .ToList();
}
