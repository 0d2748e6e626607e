namespace SaaSMdm.Apple.Schema;

/// <summary>A command, declaration or profile payload breaks Apple's schema.</summary>
public sealed class SchemaValidationException(string subject, SchemaValidationResult result)
    : Exception($"{subject} does not follow Apple's schema:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}")
{
    public SchemaValidationResult Result { get; } = result;
}
