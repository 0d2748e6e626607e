using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Mdm;
using SaaSMdm.Contracts;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Commands;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.Core.Push;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>The public Commands API; <see cref="ApiAuthorizationInterceptor"/> has entered the request's tenant.</summary>
public sealed class CommandsService(
    CoreDbContext db,
    TenantContext tenant,
    ICommandQueue queue,
    CommandValidator validator,
    CommandTargets targets,
    DeviceBoundCommands deviceBound,
    DeviceCommandHistory history,
    IPushNotifier pushes,
    CurrentCaller caller,
    TimeProvider clock) : Contracts.V1.Commands.CommandsBase
{
    private const int ListedProblems = 10;

    public override async Task<EnqueueCommandResponse> EnqueueCommand(EnqueueCommandRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var deviceBoundType = DeviceBoundCommands.RequestTypeOf(request.CommandCase);
        var shared = deviceBoundType is null ? CommandReader.Read(request) : null;
        var requestType = deviceBoundType ?? shared!.RequestType;
        if (!EverydayCommands.RequestTypes.Contains(requestType))
        {
            caller.Require(ApiScopes.CommandsDestructive, requestType);
        }

        if (shared is not null)
        {
            EnsureValid(shared);
        }

        var deviceIds = await targets.ResolveAsync(request.DeviceIds, cancellationToken);
        IReadOnlyList<CommandBatch> batches;
        if (shared is not null)
        {
            batches = [new CommandBatch(shared, deviceIds)];
        }
        else
        {
            batches = await deviceBound.BuildAsync(request.CommandCase, deviceIds, cancellationToken);
            foreach (var batch in batches)
            {
                EnsureValid(batch.Command);
            }
        }

        await EnqueueAllAsync(batches, cancellationToken);
        if (!request.NoPush)
        {
            pushes.Request(tenant.TenantId, deviceIds);
        }

        var response = new EnqueueCommandResponse { RequestType = requestType, DeviceCount = deviceIds.Count };
        if (batches.Count == 1)
        {
            response.CommandUuid = batches[0].Command.CommandUuid;
        }

        if (shared is null)
        {
            response.DeviceCommandUuids.Add(batches
                .SelectMany(batch => batch.DeviceIds.Select(id => (Device: id.ToString(), batch.Command.CommandUuid)))
                .ToDictionary(pair => pair.Device, pair => pair.CommandUuid));
        }

        return response;
    }

    /// <summary>Every batch or none: a failure halfway leaves no device with its command.</summary>
    private async Task EnqueueAllAsync(IReadOnlyList<CommandBatch> batches, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var createdAt = StoredTime.UtcNow(clock);
        foreach (var (command, deviceIds) in batches)
        {
            await queue.EnqueueAsync(new CommandEntity
            {
                Id = command.CommandUuid,
                TenantId = tenant.TenantId,
                RequestType = command.RequestType,
                Plist = command.ToXml(),
                CreatedAt = createdAt,
            }, deviceIds, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<ListDeviceCommandsResponse> ListDeviceCommands(ListDeviceCommandsRequest request, ServerCallContext context)
    {
        var device = await DeviceChannels.FindAsync(db, request.DeviceId, context.CancellationToken);
        return await history.ListAsync(device.Id, request.PageSize, request.PageToken, context.CancellationToken);
    }

    public override async Task<CancelCommandResponse> CancelCommand(CancelCommandRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var device = await DeviceChannels.FindAsync(db, request.DeviceId, cancellationToken);
        if (string.IsNullOrEmpty(request.CommandUuid))
        {
            throw new InvalidArgumentException("command_uuid is required.");
        }

        if (await queue.CancelAsync(device.Id, request.CommandUuid, cancellationToken))
        {
            return new CancelCommandResponse();
        }

        var answer = await db.CommandResults.AsNoTracking()
            .Where(r => r.EnrollmentId == device.Id && r.CommandId == request.CommandUuid)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => (CommandResultStatus?)r.Status)
            .FirstOrDefaultAsync(cancellationToken);
        if (answer is null)
        {
            throw new NotFoundException($"Device {device.Id} has no command {CallerText.Shorten(request.CommandUuid)}.");
        }

        throw new FailedPreconditionException(answer == CommandResultStatus.Cancelled
            ? $"Command {request.CommandUuid} was already cancelled."
            : $"Command {request.CommandUuid} was already answered ({answer}); it can no longer be cancelled.");
    }

    /// <exception cref="InvalidArgumentException">the command breaks Apple's schema; every problem is listed, up to a limit.</exception>
    private void EnsureValid(CommandRequest command)
    {
        var errors = validator.Validate(command).Errors.ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join("; ", errors.Take(ListedProblems));
            var more = errors.Count > ListedProblems ? $" (and {errors.Count - ListedProblems} more)" : "";
            throw new InvalidArgumentException($"The {command.RequestType} command does not match Apple's schema: {listed}{more}. Nothing was queued.");
        }
    }
}
