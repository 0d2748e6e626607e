using System.Globalization;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;

namespace SaaSMdm.DeviceSim.CommandLine;

/// <summary>The command line of the simulator program; see <see cref="Usage"/>.</summary>
internal sealed record SimulatorArguments(
    Uri TenantUrl,
    string? Token,
    int Count,
    DevicePlatform Platform,
    string? CaFile,
    bool TrustProfileRoot,
    bool Loop,
    TimeSpan Interval,
    int Parallelism,
    IdentityTransport Transport,
    bool Verbose)
{
    public const string Usage = """
        usage: dotnet run --project tests/DeviceSim -- --url <tenant URL> [options]

        Simulated Apple devices enroll at an MDM tenant's URL on Edge (profile, SCEP, Authenticate, TokenUpdate),
        then connect and answer the commands queued for them.

          --url <url>            the tenant's base URL, e.g. https://127.0.0.1:5443/t/demo
          --token <secret>       the enrollment token (leave out for tenants with open enrollment)
          --count <n>            devices to simulate (default 1)
          --platform <p>         iPhone, iPad or Mac (default iPhone)
          --ca-file <pem>        trust only these root certificates for Edge's TLS, e.g. .local/edge/dev-ca.crt
          --trust-profile-root   without --ca-file: accept the profile download from any server certificate, then
                                 trust the root certificate payload inside the profile, as a device that installed
                                 it does. Whoever answers that first request decides what the devices trust from
                                 then on, which is why this is never the default: use it on networks you control.
                                 With neither option the system's trust store decides.
          --loop                 keep the devices connecting every --interval seconds, like devices woken by pushes,
                                 until Ctrl-C
          --interval <seconds>   time between connects with --loop (default 5)
          --parallel <n>         devices acting at once (default: --count, at most 16)
          --transport <t>        signature (Mdm-Signature header, default) or tls (identity as TLS client certificate)
          --verbose              log every protocol step
          --help                 show this text
        """;

    /// <summary>Null when the user asked for help.</summary>
    /// <exception cref="ArgumentException">An argument is unknown, missing its value, or invalid.</exception>
    public static SimulatorArguments? Parse(string[] args)
    {
        Uri? url = null;
        string? token = null, caFile = null;
        int count = 1, interval = 5;
        int? parallelism = null;
        var platform = DevicePlatform.IPhone;
        var transport = IdentityTransport.MdmSignature;
        bool trustProfileRoot = false, loop = false, verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return null;
                case "--url":
                    url = HttpsUrl(ValueAfter(args, ref i));
                    break;
                case "--token":
                    token = ValueAfter(args, ref i);
                    break;
                case "--count":
                    count = PositiveInt(ValueAfter(args, ref i));
                    break;
                case "--platform":
                    platform = ParsePlatform(ValueAfter(args, ref i));
                    break;
                case "--ca-file":
                    caFile = ValueAfter(args, ref i);
                    break;
                case "--trust-profile-root":
                    trustProfileRoot = true;
                    break;
                case "--loop":
                    loop = true;
                    break;
                case "--interval":
                    interval = PositiveInt(ValueAfter(args, ref i));
                    break;
                case "--parallel":
                    parallelism = PositiveInt(ValueAfter(args, ref i));
                    break;
                case "--transport":
                    transport = ParseTransport(ValueAfter(args, ref i));
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new SimulatorArguments(
            url ?? throw new ArgumentException("--url is required."),
            token,
            count,
            platform,
            caFile,
            trustProfileRoot,
            loop,
            TimeSpan.FromSeconds(interval),
            parallelism ?? Math.Min(count, 16),
            transport,
            verbose);
    }

    private static string ValueAfter(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.");

    private static int PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");

    private static Uri HttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new ArgumentException($"'{text}' is not an https URL.");

    private static DevicePlatform ParsePlatform(string text) => text.ToUpperInvariant() switch
    {
        "IPHONE" => DevicePlatform.IPhone,
        "IPAD" => DevicePlatform.IPad,
        "MAC" => DevicePlatform.Mac,
        _ => throw new ArgumentException($"'{text}' is not a platform; use iPhone, iPad or Mac."),
    };

    private static IdentityTransport ParseTransport(string text) => text.ToUpperInvariant() switch
    {
        "SIGNATURE" => IdentityTransport.MdmSignature,
        "TLS" => IdentityTransport.TlsClientCertificate,
        _ => throw new ArgumentException($"'{text}' is not a transport; use signature or tls."),
    };
}
