namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>An activation's Predicate is not one the device can parse.</summary>
public sealed class PredicateFormatException(string message) : Exception(message);
