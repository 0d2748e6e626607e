using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Apple.Tests.Mdm;

public sealed class EnrollmentChannelTests
{
    public static TheoryData<EnrollmentIdentity, EnrollmentChannel> Identities() => new()
    {
        { new("UDID-1"), new("UDID-1", EnrollmentChannelKind.Device, null) },
        { new("UDID-1", UserId: "USER-1", UserShortName: "alex"), new("UDID-1:USER-1", EnrollmentChannelKind.User, "UDID-1") },
        { new("UDID-1", UserId: EnrollmentChannel.SharedIPadUserId, UserShortName: "sam@school.example"), new("UDID-1:sam@school.example", EnrollmentChannelKind.SharedIPadUser, "UDID-1") },
        { new("UDID-1", UserId: "ffffffff-ffff-ffff-ffff-ffffffffffff", UserShortName: "sam"), new("UDID-1:sam", EnrollmentChannelKind.SharedIPadUser, "UDID-1") },
        { new(EnrollmentId: "ENR-1"), new("ENR-1", EnrollmentChannelKind.UserEnrollmentDevice, null) },
        { new(EnrollmentId: "ENR-1", EnrollmentUserId: "EU-1"), new("ENR-1:EU-1", EnrollmentChannelKind.UserEnrollmentUser, "ENR-1") },
        { new("UDID-1", EnrollmentId: "ENR-1"), new("UDID-1", EnrollmentChannelKind.Device, null) },
    };

    [Theory]
    [MemberData(nameof(Identities))]
    public void Normalizes_identity_keys_into_a_channel(EnrollmentIdentity identity, EnrollmentChannel expected) =>
        Assert.Equal(expected, EnrollmentChannel.From(identity));

    [Fact]
    public void Without_a_device_identifier_there_is_no_channel()
    {
        Assert.Throws<MdmMessageFormatException>(() => EnrollmentChannel.From(new EnrollmentIdentity(UserId: "USER-1")));
        Assert.Equal("UserShortName", Assert.Throws<MdmMessageFormatException>(() => EnrollmentChannel.From(new EnrollmentIdentity("U", UserId: EnrollmentChannel.SharedIPadUserId))).KeyPath);
    }

    [Fact]
    public void A_user_channel_is_its_device_channel_plus_a_suffix() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonEmptyString>(),
            ArbMap.Default.ArbFor<NonEmptyString>(),
            ArbMap.Default.ArbFor<bool>(),
            (device, user, userEnrollment) =>
            {
                var deviceIdentity = userEnrollment ? new EnrollmentIdentity(EnrollmentId: device.Get) : new EnrollmentIdentity(device.Get);
                var userIdentity = userEnrollment ? deviceIdentity with { EnrollmentUserId = user.Get } : deviceIdentity with { UserId = user.Get, UserShortName = "short" };
                var deviceChannel = EnrollmentChannel.From(deviceIdentity);
                var userChannel = EnrollmentChannel.From(userIdentity);
                return deviceChannel.ParentId is null
                    && userChannel.ParentId == deviceChannel.Id
                    && userChannel.Id.StartsWith(deviceChannel.Id + ":", StringComparison.Ordinal);
            }).QuickCheckThrowOnFailure();
}
