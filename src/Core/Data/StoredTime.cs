namespace SaaSMdm.Core.Data;

/// <summary>Timestamps at the precision every provider keeps (PostgreSQL stores microseconds), so what is returned equals what is read back later.</summary>
public static class StoredTime
{
    public static DateTime UtcNow(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
