namespace SaaSMdm.Core.Tests.Events;

/// <summary>The real clock moved by <paramref name="shift"/>, for a job run as of another time than the host's own.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
}
