using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;
using SaaSMdm.AppleFakes.Apns;
using SaaSMdm.Core.Data;
using SaaSMdm.DeviceSim;
using SaaSMdm.DeviceSim.Fleet;
using SaaSMdm.DeviceSim.Hardware;
using SaaSMdm.DeviceSim.Transport;
using SaaSMdm.Edge.Tls;
using SaaSMdm.Rpc.Client;
using TenantRole = SaaSMdm.Core.Data.Entities.TenantRole;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Everything a browser test drives, started once per test collection: Core (over SQLite), Edge and the portal
/// on real Kestrel endpoints on 127.0.0.1 in this process, a fake APNs, a tenant ready for devices, and headless
/// Chromium under Playwright.
/// </summary>
public sealed class BrowserSystem : IAsyncLifetime
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, TimeSpan> _startupTimings = [];
    private readonly Lazy<SharedDeviceKeys> _deviceKeys = new(() => new SharedDeviceKeys(count: 2));
    private TestDatabase _database = null!;
    private ApnsForCore _apns = null!;
    private IPlaywright _playwright = null!;

    public CoreTestHost Core { get; private set; } = null!;

    public EdgeTestHost Edge { get; private set; } = null!;

    public PortalTestHost Portal { get; private set; } = null!;

    public FakeApnsServer Apns => _apns.Server;

    /// <summary>A channel to Core's public API with the bootstrap operator client's tokens, for arranging and checking.</summary>
    public GrpcChannel Api => Core.Channel;

    /// <summary>A tenant with a push certificate and an enrollment token, shared by the collection's tests.</summary>
    public TestTenant Tenant { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How long each part took to start, for the curious and for keeping the suite fast.</summary>
    public IReadOnlyDictionary<string, TimeSpan> StartupTimings => _startupTimings;

    public async Task InitializeAsync()
    {
        var browser = Timed("chromium", LaunchChromiumAsync);
        _database = await Timed("database", () => TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        _apns = await Timed("apns", ApnsForCore.StartAsync);
        Core = await Timed("core", () => CoreTestHost.StartAsync(_database, _apns.CoreConfiguration));
        Edge = await Timed("edge", () => EdgeTestHost.StartAsync(Core.GrpcAddress));
        Portal = await Timed("portal", () => PortalTestHost.StartAsync(Core.GrpcAddress, Core.HttpAddress, edgeAddress: Edge.Address));
        Tenant = await Timed("tenant", () => CreateTenantAsync("browser"));
        Browser = await browser;
    }

    public Task<TestTenant> CreateTenantAsync(string prefix) => TestTenant.CreateAsync(Api, Apns, prefix);

    /// <summary>
    /// Enrolls <paramref name="count"/> simulated devices (iPhone, iPad, Mac in turn) of <paramref name="tenant"/>
    /// through Edge and keeps them checking in until the fleet is disposed.
    /// </summary>
    public Task<SimulatedFleet> EnrollFleetAsync(TestTenant tenant, int count, SimulatedFleetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        options ??= new SimulatedFleetOptions();
        using var edgeRoot = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Edge.DataDirectory, DevelopmentCertificates.CaCertificateFile));
        var trust = new ServerTrust { TrustedRoots = [X509CertificateLoader.LoadCertificate(edgeRoot.RawData)] };
        var fleet = new DeviceFleet(new DeviceFleetOptions
        {
            Count = count,
            DeviceOptions = index => new SimulatedDeviceOptions
            {
                TenantUrl = new Uri(Edge.Address, $"/t/{tenant.Slug}"),
                EnrollmentToken = tenant.EnrollmentSecret,
                Platform = (index % 3) switch { 0 => DevicePlatform.IPhone, 1 => DevicePlatform.IPad, _ => DevicePlatform.Mac },
                ServerTrust = trust,
                KeyFactory = _deviceKeys.Value.FactoryFor(index),
            },
            MaxParallelism = options.MaxParallelism,
            ShareConnections = true,
        });
        return SimulatedFleet.StartAsync(tenant, fleet, options);
    }

    /// <summary>A person of <paramref name="tenant"/> with <paramref name="role"/> (two-factor sign-in on when asked).</summary>
    public Task<TestPerson> CreatePersonAsync(TestTenant tenant, TenantRole role, bool twoFactor = false) =>
        TestPeople.CreateAsync(Core.Services, Guid.Parse(tenant.Id), role, twoFactor, displayName: $"{role} person");

    /// <summary>Signs <paramref name="person"/> in through the sign-in page (and the code page), capturing both.</summary>
    public static async Task SignInAsync(IPage page, Screens screens, TestPerson person)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(screens);
        ArgumentNullException.ThrowIfNull(person);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await screens.CaptureAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (person.AuthenticatorKey is { } key)
        {
            await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
            await screens.CaptureAsync(page, "two-factor-code");
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }

        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>A fresh browser context (own cookies and storage) whose relative URLs go to the portal.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout((float)DefaultTimeout.TotalMilliseconds);
        return context;
    }

    /// <summary>
    /// Runs a test's <paramref name="steps"/> on a new page of a new context, with the test's screenshot folder.
    /// When a step fails, the page is captured (screenshot and HTML) before the failure is rethrown.
    /// </summary>
    public async Task InBrowserAsync(
        Func<IPage, Screens, Task> steps,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(steps);
        var screens = new Screens(TestArtifacts.ScreenshotFolder($"{Path.GetFileNameWithoutExtension(testFile)}.{testName}"));
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await steps(page, screens);
        }
        catch
        {
            await screens.CaptureFailureAsync(page);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // Parts that failed to start are null here; the ones that did start are still stopped.
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var host in new IAsyncDisposable?[] { Portal, Edge, Core, _apns, _database })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    private async Task<IBrowser> LaunchChromiumAsync()
    {
        var executable = ChromiumExecutable.Find();
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    private async Task<T> Timed<T>(string part, Func<Task<T>> start)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await start();
        lock (_startupTimings)
        {
            _startupTimings[part] = stopwatch.Elapsed;
        }

        return result;
    }
}
