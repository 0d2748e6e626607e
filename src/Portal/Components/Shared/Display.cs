using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace SaaSMdm.Portal;

/// <summary>
/// How the portal writes times: UTC, one format everywhere, and a dash for "never". The values carry no zone: a table's
/// column header, a fact's term or the sentence around the time says UTC.
/// </summary>
public static class Display
{
    public const string Never = "—";

    private const string DateFormat = "yyyy-MM-dd";

    private const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    public static string Date(DateTime? time) => time is { } t ? t.ToString(DateFormat, CultureInfo.InvariantCulture) : Never;

    public static string DateTime(DateTime? time) => time is { } t ? t.ToString(DateTimeFormat, CultureInfo.InvariantCulture) : Never;

    /// <summary>Core's time, to the minute; a dash when unset, which Core writes as null or as the zero timestamp.</summary>
    public static string DateTime(Timestamp? time) => time is null || (time.Seconds == 0 && time.Nanos == 0) ? Never : DateTime(time.ToDateTime());
}
