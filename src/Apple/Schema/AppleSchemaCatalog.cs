namespace SaaSMdm.Apple.Schema;

/// <summary>
/// Apple's device-management schema, looked up by what each file names: commands by RequestType, check-in
/// messages by MessageType, profile payloads by PayloadType, declarations by type, status items by name. The
/// embedded files are read once, on first use, by whichever thread gets there first; afterwards the
/// catalog is immutable and safe to share.
/// </summary>
public sealed class AppleSchemaCatalog
{
    /// <summary>The prefix of the embedded resources; the rest of a name is the file's path in Apple's repository.</summary>
    public const string ResourcePrefix = "AppleSchema/";

    /// <summary>The meta-schema describes the format of the others and is not itself a schema of a payload.</summary>
    public const string MetaSchemaPath = "docs/schema.yaml";

    private readonly Lazy<SchemaIndex> _index;

    /// <summary>A catalog over the schema embedded in this assembly, loaded on first use.</summary>
    public AppleSchemaCatalog()
    {
        _index = new Lazy<SchemaIndex>(() => new SchemaIndex(EmbeddedSchema.Load()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A catalog over the given documents (for another schema release or for tests).</summary>
    public AppleSchemaCatalog(IEnumerable<SchemaDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = new SchemaIndex(documents.ToArray());
        _index = new Lazy<SchemaIndex>(index);
    }

    /// <summary>The embedded schema, shared: the catalog is immutable once loaded.</summary>
    public static AppleSchemaCatalog Default { get; } = new();

    public IReadOnlyList<SchemaDocument> Documents => _index.Value.Documents;

    /// <summary>The keys around every declaration's Payload (<c>declarationbase.yaml</c>).</summary>
    public SchemaDocument DeclarationEnvelope => Required(SchemaKind.DeclarationEnvelope, "any");

    /// <summary>The keys of a profile itself (<c>TopLevel.yaml</c>).</summary>
    public SchemaDocument ProfileTopLevel => Required(SchemaKind.ProfileEnvelope, "TopLevel");

    /// <summary>The keys every profile payload carries (<c>CommonPayloadKeys.yaml</c>).</summary>
    public SchemaDocument CommonPayloadKeys => Required(SchemaKind.ProfileEnvelope, "CommonPayloadKeys");

    public IReadOnlyList<SchemaDocument> OfKind(SchemaKind kind) => _index.Value.OfKind(kind);

    /// <summary>Every file of <paramref name="kind"/> named <paramref name="typeName"/>; profile payload types may have several variants.</summary>
    public IReadOnlyList<SchemaDocument> FindAll(SchemaKind kind, string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return _index.Value.Find(kind, typeName);
    }

    public SchemaDocument? Find(SchemaKind kind, string typeName) => FindAll(kind, typeName) is [var first, ..] ? first : null;

    public SchemaDocument? FindCommand(string requestType) => Find(SchemaKind.Command, requestType);

    public SchemaDocument? FindCheckInMessage(string messageType) => Find(SchemaKind.CheckIn, messageType);

    /// <summary>Variants of a profile payload type (com.apple.MCX has several); empty when unknown.</summary>
    public IReadOnlyList<SchemaDocument> FindProfilePayloads(string payloadType) => FindAll(SchemaKind.ProfilePayload, payloadType);

    /// <summary>A declaration type such as <c>com.apple.configuration.passcode.settings</c>.</summary>
    public SchemaDocument? FindDeclaration(string declarationType) => Find(SchemaKind.Declaration, declarationType);

    /// <summary>A status item such as <c>device.identifier.udid</c>.</summary>
    public SchemaDocument? FindStatusItem(string name) => Find(SchemaKind.StatusItem, name);

    /// <summary>A credential asset's data type such as <c>com.apple.credential.scep</c>.</summary>
    public SchemaDocument? FindCredential(string credentialType) => Find(SchemaKind.Credential, credentialType);

    /// <summary>A DDM protocol object: <c>TokensResponse</c>, <c>DeclarationItemsResponse</c> or <c>StatusReport</c>.</summary>
    public SchemaDocument? FindProtocol(string name) => Find(SchemaKind.Protocol, name);

    /// <summary>A file by its path in Apple's repository, such as <c>mdm/commands/device.lock.yaml</c>.</summary>
    public SchemaDocument? FindByPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _index.Value.FindByPath(path);
    }

    private SchemaDocument Required(SchemaKind kind, string typeName) =>
        Find(kind, typeName) ?? throw new InvalidOperationException($"The schema has no {kind} '{typeName}'.");
}
