using System.Globalization;

namespace SaaSMdm.Portal;

/// <summary>How the portal writes times: UTC, one format everywhere, and a dash for "never".</summary>
public static class Display
{
    public static string Date(DateTime? time) => time is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTime? time) => time is { } t ? t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
