using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Enrollments;

/// <summary>The enrollment a message addresses and its device channel; both are the same row on the device channel.</summary>
public sealed record ChannelEnrollment(EnrollmentEntity Device, EnrollmentEntity Channel);
