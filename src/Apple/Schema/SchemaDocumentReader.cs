using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SaaSMdm.Apple.Schema;

/// <summary>Reads one YAML file of Apple's schema.</summary>
public static class SchemaDocumentReader
{
    /// <param name="path">The file's path relative to the schema root, such as <c>mdm/commands/device.lock.yaml</c>; it decides the <see cref="SchemaKind"/>.</param>
    /// <param name="yaml">The file's text.</param>
    /// <exception cref="SchemaFormatException">The text is not YAML, or not a schema file of a known location.</exception>
    public static SchemaDocument Read(string path, TextReader yaml)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(yaml);
        var root = YamlFields.Of(Parse(path, yaml), path, "the document");
        var payload = root.Mapping("payload") ?? throw new SchemaFormatException(path, root.Line, "'payload' is required");
        var (kind, typeName) = SchemaLocation.Classify(path, payload);
        var keys = new SchemaKeyReader(path);
        return new SchemaDocument(
            path,
            kind,
            typeName,
            root.RequiredString("title"),
            root.String("description"),
            keys.ReadSupportedOs(payload.Mapping("supportedOS")),
            payload.String("apply"),
            keys.ReadList(root.Sequence("payloadkeys")),
            keys.ReadList(root.Sequence("responsekeys")));
    }

    public static SchemaDocument Read(string path, string yaml) => Read(path, new StringReader(yaml));

    private static YamlNode Parse(string path, TextReader yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(yaml);
        }
        catch (YamlException e)
        {
            throw new SchemaFormatException(path, e.Start.Line, e.Message, e);
        }

        return stream.Documents.Count == 1
            ? stream.Documents[0].RootNode
            : throw new SchemaFormatException(path, null, $"expected one YAML document, found {stream.Documents.Count}");
    }
}
