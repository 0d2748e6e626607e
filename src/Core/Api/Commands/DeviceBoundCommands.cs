using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data;
using EnrollmentKind = SaaSMdm.Core.Data.Entities.EnrollmentKind;
using SaaSMdm.Core.Gateway.Profiles;
using SaaSMdm.Core.Security;
using SaaSMdm.Rpc;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>A command and the devices it is queued for.</summary>
public sealed record CommandBatch(CommandRequest Command, IReadOnlyCollection<Guid> DeviceIds);

/// <summary>
/// Typed commands whose keys come from what the server knows about each device rather than from the caller:
/// ClearPasscode carries the device's own UnlockToken, RemoveManagement the identifier of the enrollment profile the
/// device was enrolled with. Every device is checked before any command is built, so a request is all or nothing.
/// </summary>
public sealed class DeviceBoundCommands(CoreDbContext db, TenantContext tenant, SecretProtector secrets)
{
    private const int NamedOffenders = 5;

    /// <summary>The RequestType a device-bound variant becomes; null for every other variant.</summary>
    public static string? RequestTypeOf(EnqueueCommandRequest.CommandOneofCase command) => command switch
    {
        EnqueueCommandRequest.CommandOneofCase.ClearPasscode => "ClearPasscode",
        EnqueueCommandRequest.CommandOneofCase.RemoveManagement => "RemoveProfile",
        _ => null,
    };

    /// <exception cref="FailedPreconditionException">a device lacks what its command needs; nothing is built.</exception>
    public Task<IReadOnlyList<CommandBatch>> BuildAsync(EnqueueCommandRequest.CommandOneofCase command, IReadOnlyList<Guid> deviceIds, CancellationToken cancellationToken) =>
        command switch
        {
            EnqueueCommandRequest.CommandOneofCase.ClearPasscode => ClearPasscodeAsync(deviceIds, cancellationToken),
            EnqueueCommandRequest.CommandOneofCase.RemoveManagement => RemoveManagementAsync(deviceIds, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a device-bound command."),
        };

    /// <summary>One command per device: each carries that device's UnlockToken (from its TokenUpdate).</summary>
    private async Task<IReadOnlyList<CommandBatch>> ClearPasscodeAsync(IReadOnlyList<Guid> deviceIds, CancellationToken cancellationToken)
    {
        var tokens = await db.Enrollments.AsNoTracking()
            .Where(e => EF.Parameter(deviceIds).Contains(e.Id))
            .Select(e => new { e.Id, e.ProtectedUnlockToken })
            .ToDictionaryAsync(e => e.Id, e => e.ProtectedUnlockToken, cancellationToken);
        var missing = deviceIds.Where(id => tokens[id] is null).ToList();
        if (missing.Count > 0)
        {
            throw new FailedPreconditionException(
                $"ClearPasscode needs the device's unlock token, and {Offenders(missing)} gave none (macOS devices and User Enrollments never do; " +
                "iOS, visionOS and watchOS devices send it when they enroll). Nothing was queued.");
        }

        return deviceIds.Select(id => new CommandBatch(ClearPasscode(tokens[id]!), [id])).ToList();
    }

    private CommandRequest ClearPasscode(string protectedUnlockToken) =>
        CommandRequest.Create("ClearPasscode", new PlistDictionary().Add("UnlockToken", secrets.Unprotect(SecretPurpose.UnlockToken, protectedUnlockToken)));

    /// <summary>
    /// RemoveProfile of the enrollment profile: removing the profile that carries the MDM payload unenrolls the
    /// device, which removes what management installed and checks out. Devices enrolled through this server's
    /// enrollment profile carry the tenant's identifier; a User Enrollment came through another profile.
    /// </summary>
    private async Task<IReadOnlyList<CommandBatch>> RemoveManagementAsync(IReadOnlyList<Guid> deviceIds, CancellationToken cancellationToken)
    {
        var userEnrollments = await db.Enrollments.AsNoTracking()
            .Where(e => EF.Parameter(deviceIds).Contains(e.Id) && e.Kind != EnrollmentKind.Device)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (userEnrollments.Count > 0)
        {
            throw new FailedPreconditionException(
                $"RemoveManagement knows the enrollment profile of devices enrolled through this server's enrollment profile only; {Offenders(userEnrollments)} " +
                "came through User Enrollment, whose profile identifier the server does not know. Nothing was queued.");
        }

        var slug = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.Slug).SingleAsync(cancellationToken);
        return [new CommandBatch(MdmCommands.RemoveProfile(EnrollmentProfileIdentifier.For(slug)), deviceIds)];
    }

    private static string Offenders(IReadOnlyCollection<Guid> ids)
    {
        var named = string.Join(", ", ids.Take(NamedOffenders).Select(id => $"'{id}'"));
        return ids.Count > NamedOffenders ? $"devices {named} and {ids.Count - NamedOffenders:N0} more" : $"device {named}";
    }
}
