using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>The answer for the device and the enrollment that was heard from.</summary>
public sealed record CheckInOutcome(DeviceResponse Reply, EnrollmentEntity Seen);
