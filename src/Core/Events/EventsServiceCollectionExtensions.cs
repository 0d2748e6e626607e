using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Webhooks;

namespace SaaSMdm.Core.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The event log and what reads it: the Events API's reader, webhook delivery, push certificate expiry notices.</summary>
    public static IServiceCollection AddEventsAndWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var signal = new EventSignal();
        services.AddSingleton(signal);
        services.ConfigureDbContext<CoreDbContext>(options => options.AddInterceptors(new EventCommitNotifier(signal)));
        services.AddScoped<EventReader>();
        services.AddSingleton<WatchStreamLimiter>();
        services.AddSingleton<PushCertificateExpiryNotices>();
        services.AddHostedService(provider => provider.GetRequiredService<PushCertificateExpiryNotices>());

        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookHttp>();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
