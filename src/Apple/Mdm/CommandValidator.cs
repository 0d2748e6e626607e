using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Mdm;

/// <summary>
/// Checks a command against Apple's schema for its RequestType before it is queued. Problem paths start at
/// <c>Command</c>, as the device sees it.
/// </summary>
public sealed class CommandValidator(AppleSchemaCatalog? catalog = null, SchemaValidationOptions? options = null)
{
    private const string Root = "Command";

    private readonly AppleSchemaCatalog _catalog = catalog ?? AppleSchemaCatalog.Default;
    private readonly SchemaValidator _validator = new(options);

    public SchemaValidationResult Validate(CommandRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_catalog.FindCommand(command.RequestType) is not { } schema)
        {
            return new SchemaValidationResult(
                [new SchemaProblem($"{Root}.RequestType", SchemaProblemKind.UnknownType, $"unknown RequestType '{command.RequestType}'")]);
        }

        return _validator.Validate(schema.PayloadKeys, command.Keys, Root);
    }

    /// <exception cref="SchemaValidationException">The command breaks the schema.</exception>
    public void EnsureValid(CommandRequest command) =>
        Validate(command).ThrowIfInvalid($"Command {command.RequestType} ({command.CommandUuid})");
}
