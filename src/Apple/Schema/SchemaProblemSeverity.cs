namespace SaaSMdm.Apple.Schema;

public enum SchemaProblemSeverity
{
    /// <summary>The value must not be sent or accepted as it is.</summary>
    Error,

    /// <summary>Worth reporting, but allowed by the options (unknown keys when the caller allows them).</summary>
    Warning,
}
