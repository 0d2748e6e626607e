namespace SaaSMdm.Apple.Schema;

/// <summary>How strict a validation is.</summary>
public sealed class SchemaValidationOptions
{
    /// <summary>Unknown keys are errors: in what API callers build they are usually typos.</summary>
    public static SchemaValidationOptions Strict { get; } = new();

    /// <summary>Unknown keys are warnings, for keys newer than the schema or vendor extensions.</summary>
    public static SchemaValidationOptions AllowingUnknownKeys { get; } = new() { AllowUnknownKeys = true };

    /// <summary>Report unknown keys as warnings instead of errors. They are never removed either way.</summary>
    public bool AllowUnknownKeys { get; init; }

    internal SchemaProblemSeverity UnknownKeySeverity => AllowUnknownKeys ? SchemaProblemSeverity.Warning : SchemaProblemSeverity.Error;
}
