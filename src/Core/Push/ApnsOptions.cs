using SaaSMdm.Apple.Push;

namespace SaaSMdm.Core.Push;

/// <summary>How Core reaches APNs and paces its pushes (section <c>Apns</c>).</summary>
public sealed class ApnsOptions
{
    public const string Section = "Apns";

    /// <summary>APNs' provider API; Apple's production host unless a test or proxy stands in.</summary>
    public string BaseUrl { get; set; } = ApnsEndpoints.Production.AbsoluteUri;

    /// <summary>PEM file of the CA(s) the APNs server certificate must chain to instead of the system's (a fake APNs in tests).</summary>
    public string? ServerCertificateAuthorityPath { get; set; }

    /// <summary>
    /// Run a fake APNs inside Core on 127.0.0.1 and give every tenant a push certificate it accepts, so the whole
    /// flow works on one machine. Never in production: no real device is reached.
    /// </summary>
    public bool Development { get; set; }

    /// <summary>How long APNs keeps a push for a device that is offline.</summary>
    public int ExpirationHours { get; set; } = 24;

    /// <summary>Pause between two sweeps that re-push devices with waiting commands or long silence.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary>Most enrollments one sweep pushes: offline fleets get their pushes spread out, never as a storm.</summary>
    public int SweepBatchSize { get; set; } = 500;

    /// <summary>A device silent this long is pushed again, so APNs always holds a push for it.</summary>
    public int SilentHoursBeforeRepush { get; set; } = 24;

    /// <summary>A device with queued commands is pushed again when its last push is this old.</summary>
    public int PendingRepushMinutes { get; set; } = 60;

    /// <summary>Push requests for one device within this window become one push.</summary>
    public int CoalesceMilliseconds { get; set; } = 250;

    /// <summary>Pushes handed to APNs in one go; larger sets are sent in several batches.</summary>
    public int DispatchBatchSize { get; set; } = 1000;

    /// <summary>What is wrong with these settings, or null when they are usable.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            return $"Apns:BaseUrl must be an absolute https URL; got '{BaseUrl}'.";
        }

        if (!string.IsNullOrEmpty(ServerCertificateAuthorityPath) && !File.Exists(ServerCertificateAuthorityPath))
        {
            return $"Apns:ServerCertificateAuthorityPath '{ServerCertificateAuthorityPath}' does not exist.";
        }

        return (ExpirationHours, SweepIntervalSeconds, SweepBatchSize, SilentHoursBeforeRepush, PendingRepushMinutes, CoalesceMilliseconds, DispatchBatchSize) switch
        {
            ( < 0, _, _, _, _, _, _) => "Apns:ExpirationHours must not be negative.",
            (_, < 1, _, _, _, _, _) => "Apns:SweepIntervalSeconds must be at least 1.",
            (_, _, < 1, _, _, _, _) => "Apns:SweepBatchSize must be at least 1.",
            (_, _, _, < 1, _, _, _) => "Apns:SilentHoursBeforeRepush must be at least 1.",
            (_, _, _, _, < 1, _, _) => "Apns:PendingRepushMinutes must be at least 1.",
            (_, _, _, _, _, < 0, _) => "Apns:CoalesceMilliseconds must not be negative.",
            (_, _, _, _, _, _, < 1) => "Apns:DispatchBatchSize must be at least 1.",
            _ => null,
        };
    }
}
