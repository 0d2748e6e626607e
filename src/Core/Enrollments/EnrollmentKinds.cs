using SaaSMdm.Apple.Mdm;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments;

public static class EnrollmentKinds
{
    public static EnrollmentKind Of(EnrollmentChannelKind kind) => kind switch
    {
        EnrollmentChannelKind.Device => EnrollmentKind.Device,
        EnrollmentChannelKind.UserEnrollmentDevice => EnrollmentKind.UserEnrollmentDevice,
        EnrollmentChannelKind.User => EnrollmentKind.User,
        EnrollmentChannelKind.SharedIPadUser => EnrollmentKind.SharedIPadUser,
        EnrollmentChannelKind.UserEnrollmentUser => EnrollmentKind.UserEnrollmentUser,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown enrollment channel kind."),
    };
}
