namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>What a predicate can read on the device. Values are strings, doubles or booleans; null when absent.</summary>
public interface IPredicateFacts
{
    /// <summary><c>@property(key)</c>: a key of the management properties the device holds.</summary>
    object? Property(string key);

    /// <summary><c>@status(name)</c>: a scalar status item of the device, such as <c>device.model.family</c>.</summary>
    object? Status(string name);
}
