namespace SaaSMdm.Apple.Schema;

/// <summary>What a schema file describes, decided by its folder and the type field of its <c>payload</c>.</summary>
public enum SchemaKind
{
    /// <summary><c>mdm/commands</c>: an MDM command, named by its RequestType.</summary>
    Command,

    /// <summary><c>mdm/checkin</c>: a check-in message, named by its MessageType.</summary>
    CheckIn,

    /// <summary><c>mdm/errors</c>: a structured enrollment error body, named after its file.</summary>
    Error,

    /// <summary><c>mdm/profiles</c>: a profile payload, named by its PayloadType (several files may share one).</summary>
    ProfilePayload,

    /// <summary><c>mdm/profiles/TopLevel.yaml</c> and <c>CommonPayloadKeys.yaml</c>: keys of the profile and of every payload.</summary>
    ProfileEnvelope,

    /// <summary><c>declarative/declarations</c>: a declaration's Payload, named by its declaration type.</summary>
    Declaration,

    /// <summary><c>declarative/declarations/declarationbase.yaml</c>: the keys around every declaration's Payload.</summary>
    DeclarationEnvelope,

    /// <summary><c>declarative/declarations/assets/credentials</c>: data served for a credential asset.</summary>
    Credential,

    /// <summary><c>declarative/status</c>: a status item, named by its dotted name.</summary>
    StatusItem,

    /// <summary><c>declarative/status/statusreason.yaml</c>: the reason object inside status items.</summary>
    StatusReason,

    /// <summary><c>declarative/protocol</c>: a DDM protocol object (tokens, declaration items, status report).</summary>
    Protocol,

    /// <summary><c>other</c>: related formats (MachineInfo, SkipKeys, ...).</summary>
    Other,
}
