namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>What the device made of the declarations it holds: a status for each, the status items subscribed, the update enforced.</summary>
internal sealed record DeclarativeEvaluation(
    IReadOnlyDictionary<string, DeclarationStatus> Statuses, IReadOnlySet<string> Subscriptions, SoftwareUpdateEnforcement? SoftwareUpdate);
