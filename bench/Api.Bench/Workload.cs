namespace SaaSMdm.Api.Bench;

/// <summary>One kind of call the bench measures.</summary>
/// <param name="Name">What is called, as the table shows it.</param>
/// <param name="Caller">Whose credentials the call carries.</param>
/// <param name="Budget">How long, or how many calls, each phase of it lasts.</param>
/// <param name="Call">Makes one call; its argument is the caller's index within the phase.</param>
internal sealed record Workload(string Name, string Caller, PhaseBudget Budget, Func<int, Task> Call);
