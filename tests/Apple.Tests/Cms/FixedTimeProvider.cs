namespace SaaSMdm.Apple.Tests.Cms;

/// <summary>A clock that stands still at a chosen instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
