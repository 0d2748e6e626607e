namespace SaaSMdm.SampleClient;

/// <summary>Where the API is and who calls it: the same environment variables the Node sample reads.</summary>
/// <param name="GrpcAddress">Core's gRPC API: <c>http://</c> is cleartext HTTP/2, <c>https://</c> is TLS (checked against the system's trust).</param>
/// <param name="HttpAddress">Core's HTTP address, where the token endpoint <c>/oauth2/token</c> is.</param>
/// <param name="WatchDuration">How long to watch events; zero skips watching.</param>
public sealed record SampleOptions(Uri GrpcAddress, Uri HttpAddress, string ClientId, string ClientSecret, string TenantId, TimeSpan WatchDuration)
{
    public static SampleOptions FromEnvironment(Func<string, string?> variable)
    {
        var missing = new[] { "CLIENT_ID", "CLIENT_SECRET", "TENANT_ID" }.Where(name => string.IsNullOrEmpty(variable(name))).ToList();
        if (missing.Count > 0)
        {
            throw new SampleConfigurationException($"missing environment variables: {string.Join(", ", missing)}");
        }

        var watch = variable("WATCH_SECONDS") ?? "10";
        if (!double.TryParse(watch, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || !double.IsFinite(seconds))
        {
            throw new SampleConfigurationException($"WATCH_SECONDS must be a number of seconds, not '{watch}'");
        }

        return new SampleOptions(
            GrpcAddressOf(variable("CORE_GRPC") ?? "127.0.0.1:5100"),
            AddressOf("CORE_HTTP", variable("CORE_HTTP") ?? "http://127.0.0.1:5101"),
            variable("CLIENT_ID")!,
            variable("CLIENT_SECRET")!,
            variable("TENANT_ID")!,
            TimeSpan.FromSeconds(seconds));
    }

    /// <summary>"host:port" means cleartext, as it does for grpc-js.</summary>
    private static Uri GrpcAddressOf(string address) =>
        AddressOf("CORE_GRPC", address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address);

    private static Uri AddressOf(string name, string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new SampleConfigurationException($"{name} must be an http:// or https:// address, not '{address}'");
}
