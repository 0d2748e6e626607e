using Microsoft.Extensions.Options;

namespace SaaSMdm.Core.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>APNs pushes: per-tenant clients, the coalescing dispatcher, the sweep, and development mode's fake APNs.</summary>
    public static IServiceCollection AddPushes(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ApnsOptions.Section);
        services.AddOptions<ApnsOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApnsOptions>, ApnsOptionsValidation>();

        if (section.Get<ApnsOptions>()?.Development == true)
        {
            services.AddSingleton<DevelopmentApns>();
            services.AddSingleton<IApnsEndpoint>(provider => provider.GetRequiredService<DevelopmentApns>());
            services.AddHostedService(provider => provider.GetRequiredService<DevelopmentApns>());
            services.AddScoped<IPushCertificateProvisioning, DevelopmentPushCertificates>();
        }
        else
        {
            services.AddSingleton<IApnsEndpoint, ConfiguredApnsEndpoint>();
            services.AddSingleton<IPushCertificateProvisioning, NoPushCertificateProvisioning>();
        }

        services.AddSingleton<PushCertificateRecords>();
        services.AddOptions<PushVendorOptions>().Bind(configuration.GetSection(PushVendorOptions.Section))
            .Validate(options => options.VendorCertificatePath is not { Length: > 0 } path || File.Exists(path), $"{PushVendorOptions.Section}:VendorCertificatePath names no file.")
            .ValidateOnStart();
        services.AddSingleton<PushVendorSigner>();
        services.AddScoped<PendingPushKeys>();
        services.AddSingleton<ApnsClients>();
        services.AddScoped<PushSender>();
        services.AddSingleton<TenantPushes>();
        services.AddSingleton<PushDispatcher>();
        services.AddSingleton<IPushNotifier>(provider => provider.GetRequiredService<PushDispatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<PushDispatcher>());
        services.AddSingleton<PushSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<PushSweep>());
        return services;
    }

    /// <summary>Names the setting that is wrong, where a plain predicate could only say "invalid".</summary>
    private sealed class ApnsOptionsValidation : IValidateOptions<ApnsOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApnsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
