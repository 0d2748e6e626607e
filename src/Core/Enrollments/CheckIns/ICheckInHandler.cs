using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.Core.Enrollments.CheckIns;

/// <summary>Handles one check-in MessageType for a device whose certificate has been verified for the tenant.</summary>
public interface ICheckInHandler
{
    string MessageType { get; }

    Task<CheckInOutcome> HandleAsync(CheckInMessage message, DeviceCertificate certificate, CancellationToken cancellationToken);
}

/// <summary>Binds a handler to its message record.</summary>
public abstract class CheckInHandler<TMessage> : ICheckInHandler
    where TMessage : CheckInMessage
{
    public abstract string MessageType { get; }

    public Task<CheckInOutcome> HandleAsync(CheckInMessage message, DeviceCertificate certificate, CancellationToken cancellationToken) =>
        HandleAsync((TMessage)message, certificate, cancellationToken);

    protected abstract Task<CheckInOutcome> HandleAsync(TMessage message, DeviceCertificate certificate, CancellationToken cancellationToken);
}
