using System.Linq.Expressions;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Push;

/// <summary>Which enrollments can be woken through APNs: enrolled, with a token and PushMagic APNs has not refused.</summary>
public static class Pushable
{
    public static Expression<Func<EnrollmentEntity, bool>> Enrollment { get; } = e =>
        e.State == EnrollmentState.Enrolled && e.PushToken != null && e.PushMagic != null && e.PushTokenInvalidSince == null;

    private static readonly Func<EnrollmentEntity, bool> Compiled = Enrollment.Compile();

    public static bool Is(EnrollmentEntity enrollment) => Compiled(enrollment);
}
