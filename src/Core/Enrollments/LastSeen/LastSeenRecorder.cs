using System.Collections.Concurrent;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments.LastSeen;

/// <summary>
/// The latest moment each enrollment was heard from, collected in memory so that a device request never writes
/// it; <see cref="LastSeenFlusher"/> writes the collected times in batches.
/// </summary>
public sealed class LastSeenRecorder(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, DateTime> _pending = new();

    public int PendingCount => _pending.Count;

    /// <summary>The enrollment was heard from now; a user channel's device was too.</summary>
    public void Record(EnrollmentEntity enrollment)
    {
        var now = StoredTime.UtcNow(clock);
        Merge(enrollment.Id, now);
        if (enrollment.ParentId is { } device)
        {
            Merge(device, now);
        }
    }

    /// <summary>Takes everything collected so far.</summary>
    public IReadOnlyDictionary<Guid, DateTime> Drain()
    {
        var batch = new Dictionary<Guid, DateTime>();
        foreach (var enrollmentId in _pending.Keys)
        {
            if (_pending.TryRemove(enrollmentId, out var seen))
            {
                batch[enrollmentId] = seen;
            }
        }

        return batch;
    }

    /// <summary>Puts back a batch that could not be written, keeping any later time recorded meanwhile.</summary>
    public void Restore(IReadOnlyDictionary<Guid, DateTime> batch)
    {
        foreach (var (enrollmentId, seen) in batch)
        {
            Merge(enrollmentId, seen);
        }
    }

    private void Merge(Guid enrollmentId, DateTime seen) =>
        _pending.AddOrUpdate(enrollmentId, seen, (_, known) => known > seen ? known : seen);
}
