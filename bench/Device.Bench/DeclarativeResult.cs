namespace SaaSMdm.Device.Bench;

/// <summary>The declarative-management figures of one fleet size.</summary>
/// <param name="Assign">Wall time of assigning a set to every device (one group), tokens computed and notifications queued.</param>
/// <param name="Change">Wall time of changing one declaration of that set, tokens computed and notifications queued.</param>
internal sealed record DeclarativeResult(
    TimeSpan Assign,
    int AssignNotified,
    TimeSpan Change,
    int ChangeNotified,
    int ChangeCommands,
    StepResult Sync,
    StepResult Tokens,
    StepResult Items);
