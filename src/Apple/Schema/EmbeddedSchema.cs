namespace SaaSMdm.Apple.Schema;

/// <summary>Reads the schema files embedded in this assembly.</summary>
internal static class EmbeddedSchema
{
    public static SchemaDocument[] Load()
    {
        var assembly = typeof(EmbeddedSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(AppleSchemaCatalog.ResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[AppleSchemaCatalog.ResourcePrefix.Length..])
            .Where(path => path != AppleSchemaCatalog.MetaSchemaPath)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var stream = assembly.GetManifestResourceStream(AppleSchemaCatalog.ResourcePrefix + path)!;
                using var reader = new StreamReader(stream);
                return SchemaDocumentReader.Read(path, reader);
            })
            .ToArray();
    }
}
