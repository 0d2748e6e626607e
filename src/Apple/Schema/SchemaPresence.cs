namespace SaaSMdm.Apple.Schema;

/// <summary>Whether a key must be present. Keys that state no presence are optional.</summary>
public enum SchemaPresence
{
    Optional,
    Required,
}
