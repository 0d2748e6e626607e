using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>How the device pages write times, states and sizes.</summary>
public static class DeviceDisplay
{
    public const string None = "—";

    /// <summary>"5 min ago", "3 h ago", "12 d ago"; "never" when the time is unset.</summary>
    public static string Ago(Timestamp? time, DateTimeOffset now)
    {
        if (time is null)
        {
            return "never";
        }

        var age = now - time.ToDateTimeOffset();
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            _ => $"{(int)age.TotalDays} d ago",
        };
    }

    public static string State(EnrollmentState state) => state switch
    {
        EnrollmentState.Pending => "Pending",
        EnrollmentState.Enrolled => "Enrolled",
        EnrollmentState.CheckedOut => "Checked out",
        _ => "Unknown",
    };

    public static string State(CommandState state) => state switch
    {
        CommandState.Queued => "Queued",
        CommandState.NotNow => "Not now",
        CommandState.Acknowledged => "Acknowledged",
        CommandState.Error => "Error",
        CommandState.CommandFormatError => "Format error",
        CommandState.Cancelled => "Cancelled",
        _ => "Unknown",
    };

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string OrNone(string value) => value.Length > 0 ? value : None;
}
