using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

public sealed class AppleSchemaCatalogTests
{
    [Fact]
    public void Loads_every_embedded_file_except_the_meta_schema()
    {
        var expected = SchemaFiles.AllPaths().Where(path => path != AppleSchemaCatalog.MetaSchemaPath).Order(StringComparer.Ordinal);

        var catalog = new AppleSchemaCatalog();

        Assert.Equal(expected, catalog.Documents.Select(document => document.Path).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// MSBuild would take "root" in <c>com.apple.security.root.yaml</c> for a culture and move the file to a
    /// satellite assembly; Apple.csproj marks the schema items <c>WithCulture="false"</c> so that none goes missing.
    /// </summary>
    [Fact]
    public void Every_schema_file_in_the_repository_is_embedded()
    {
        Assert.Empty(RepositorySchema.AllPaths().Except(SchemaFiles.AllPaths(), StringComparer.Ordinal));
    }

    [Fact]
    public void Finds_documents_by_the_names_they_describe()
    {
        var catalog = AppleSchemaCatalog.Default;

        Assert.Equal("mdm/commands/information.device.yaml", catalog.FindCommand("DeviceInformation")?.Path);
        Assert.Equal("mdm/checkin/tokenupdate.yaml", catalog.FindCheckInMessage("TokenUpdate")?.Path);
        Assert.Equal("mdm/commands/declarativemanagement.yaml", catalog.FindCommand("DeclarativeManagement")?.Path);
        Assert.Equal("mdm/checkin/declarativemanagement.yaml", catalog.FindCheckInMessage("DeclarativeManagement")?.Path);
        Assert.Equal("declarative/declarations/configurations/passcode.settings.yaml", catalog.FindDeclaration("com.apple.configuration.passcode.settings")?.Path);
        Assert.Equal("declarative/status/device.identifier.udid.yaml", catalog.FindStatusItem("device.identifier.udid")?.Path);
        Assert.Equal("declarative/declarations/assets/credentials/scep.yaml", catalog.FindCredential("com.apple.credential.scep")?.Path);
        Assert.Equal("declarative/protocol/statusreport.yaml", catalog.FindProtocol("StatusReport")?.Path);
        Assert.Equal("mdm/profiles/com.apple.mdm.yaml", Assert.Single(catalog.FindProfilePayloads("com.apple.mdm")).Path);
        Assert.True(catalog.FindProfilePayloads("com.apple.MCX").Count > 1);
        Assert.Equal("mdm/profiles/TopLevel.yaml", catalog.ProfileTopLevel.Path);
        Assert.Equal("mdm/profiles/CommonPayloadKeys.yaml", catalog.CommonPayloadKeys.Path);
        Assert.Equal("declarative/declarations/declarationbase.yaml", catalog.DeclarationEnvelope.Path);
        Assert.Null(catalog.FindCommand("NoSuchCommand"));
        Assert.Empty(catalog.FindProfilePayloads("com.example.none"));
    }

    [Fact]
    public void Kinds_partition_the_files_as_apple_lays_them_out()
    {
        var catalog = AppleSchemaCatalog.Default;

        Assert.Equal(SchemaFiles.AllPaths().Count(path => path.StartsWith("mdm/commands/", StringComparison.Ordinal)), catalog.OfKind(SchemaKind.Command).Count);
        Assert.Equal(SchemaFiles.AllPaths().Count(path => path.StartsWith("mdm/checkin/", StringComparison.Ordinal)), catalog.OfKind(SchemaKind.CheckIn).Count);
        Assert.DoesNotContain(catalog.OfKind(SchemaKind.Declaration), document => document.TypeName == "any");
        Assert.All(catalog.OfKind(SchemaKind.Declaration), document => Assert.StartsWith("com.apple.", document.TypeName, StringComparison.Ordinal));
        Assert.DoesNotContain(catalog.OfKind(SchemaKind.StatusItem), document => document.Path.EndsWith("statusreason.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Concurrent_first_use_loads_once_and_everyone_sees_the_same_documents()
    {
        var catalog = new AppleSchemaCatalog();

        var seen = Enumerable.Range(0, 8).AsParallel().Select(_ => catalog.Documents).ToArray();

        Assert.All(seen, documents => Assert.Same(seen[0], documents));
    }

    [Fact]
    public void A_catalog_can_be_built_from_given_documents()
    {
        var document = SchemaDocumentReader.Read("mdm/commands/x.yaml", "title: X\npayload: {requesttype: Custom}\n");

        var catalog = new AppleSchemaCatalog([document]);

        Assert.Same(document, catalog.FindCommand("Custom"));
        Assert.Throws<InvalidOperationException>(() => catalog.ProfileTopLevel);
    }
}
