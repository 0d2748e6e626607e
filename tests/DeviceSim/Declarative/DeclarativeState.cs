using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// The declarations a device holds after its last sync, each with the status it reports, and what they set up:
/// status subscriptions and an enforced software update. Read-only outside the sync that keeps it.
/// </summary>
public sealed class DeclarativeState
{
    private readonly Dictionary<string, Declaration> _declarations = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, DeclarationStatus> _statuses = new Dictionary<string, DeclarationStatus>();

    /// <summary>The DeclarationsToken of the declaration-items the device last synced; null before its first sync.</summary>
    public string? DeclarationsToken { get; private set; }

    public IReadOnlyDictionary<string, HeldDeclaration> Declarations =>
        _declarations.Values.ToDictionary(declaration => declaration.Identifier, declaration => new HeldDeclaration(declaration, StatusOf(declaration.Identifier)), StringComparer.Ordinal);

    /// <summary>Status items the applied status-subscription configurations ask for.</summary>
    public IReadOnlySet<string> Subscriptions { get; private set; } = new HashSet<string>();

    public SoftwareUpdateEnforcement? SoftwareUpdate { get; private set; }

    /// <summary>Completed syncs.</summary>
    public int Syncs { get; private set; }

    public DeclarationStatus StatusOf(string identifier) =>
        _statuses.TryGetValue(identifier, out var status) ? status : new DeclarationStatus(false, DeclarationValidity.Unknown, []);

    internal IReadOnlyDictionary<string, Declaration> Held => _declarations;

    internal void Hold(Declaration declaration) => _declarations[declaration.Identifier] = declaration;

    internal bool Remove(string identifier) => _declarations.Remove(identifier);

    internal void Synced(string declarationsToken) => DeclarationsToken = declarationsToken;

    internal void Evaluated(DeclarativeEvaluation evaluation)
    {
        _statuses = evaluation.Statuses;
        Subscriptions = evaluation.Subscriptions;
        SoftwareUpdate = evaluation.SoftwareUpdate;
        Syncs++;
    }
}
