using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Push;
using ApiEnrollmentKind = SaaSMdm.Contracts.V1.EnrollmentKind;
using ApiEnrollmentState = SaaSMdm.Contracts.V1.EnrollmentState;

namespace SaaSMdm.Core.Api.Devices;

/// <summary>Enrollment rows as API messages.</summary>
public static class DeviceMessages
{
    public static Device ToDevice(EnrollmentEntity device, int pendingCommands) => new()
    {
        Id = device.Id.ToString(),
        TenantId = device.TenantId.ToString(),
        EnrollmentId = device.ChannelId,
        Kind = device.Kind == Data.Entities.EnrollmentKind.UserEnrollmentDevice ? ApiEnrollmentKind.UserEnrollment : ApiEnrollmentKind.Device,
        Udid = device.Udid ?? "",
        SerialNumber = device.SerialNumber ?? "",
        DeviceName = device.DeviceName ?? "",
        Model = device.Model ?? "",
        ModelName = device.ModelName ?? "",
        ProductName = device.ProductName ?? "",
        OsVersion = device.OsVersion ?? "",
        BuildVersion = device.BuildVersion ?? "",
        State = device.State switch
        {
            Data.Entities.EnrollmentState.Pending => ApiEnrollmentState.Pending,
            Data.Entities.EnrollmentState.Enrolled => ApiEnrollmentState.Enrolled,
            Data.Entities.EnrollmentState.CheckedOut => ApiEnrollmentState.CheckedOut,
            _ => ApiEnrollmentState.Unspecified,
        },
        EnrolledTime = ApiTimestamps.From(device.EnrolledAt),
        LastSeenTime = ApiTimestamps.From(device.LastSeenAt),
        PushTokenValid = Pushable.Is(device),
        PendingCommands = pendingCommands,
        Platform = (Platform)device.Platform,
    };

    public static UserChannel ToUserChannel(EnrollmentEntity user) => new()
    {
        EnrollmentId = user.ChannelId,
        UserId = user.UserId ?? "",
        UserShortName = user.UserShortName ?? "",
        UserLongName = user.UserLongName ?? "",
        LastSeenTime = ApiTimestamps.From(user.LastSeenAt),
    };
}
