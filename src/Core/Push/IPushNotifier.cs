namespace SaaSMdm.Core.Push;

/// <summary>Asks for wake-up pushes without waiting for them: requests for one enrollment close together become one push.</summary>
public interface IPushNotifier
{
    void Request(Guid tenantId, IReadOnlyCollection<Guid> enrollmentIds);
}
