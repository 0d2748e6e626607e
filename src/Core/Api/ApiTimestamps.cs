using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api;

/// <summary>Timestamps between API messages and stored UTC times.</summary>
public static class ApiTimestamps
{
    public static Timestamp? From(DateTime? time) => time is { } value ? Timestamp.FromDateTime(value) : null;

    /// <summary>The UTC time of a request timestamp.</summary>
    /// <exception cref="InvalidArgumentException">outside the range a timestamp may hold.</exception>
    public static DateTime Read(Timestamp timestamp, string field)
    {
        try
        {
            return timestamp.ToDateTime();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidArgumentException($"{field} is not a valid timestamp.");
        }
    }
}
