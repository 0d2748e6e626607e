namespace SaaSMdm.Edge.Tenancy;

/// <summary>Core did not answer, so Edge cannot decide; devices get 503 and retry later.</summary>
public sealed class CoreUnavailableException(string message, Exception inner) : Exception(message, inner);
