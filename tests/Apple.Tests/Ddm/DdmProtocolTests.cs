using System.Text;
using System.Text.Json;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Ddm;

public sealed class DdmProtocolTests
{
    private static readonly DateTimeOffset Noon = new(2024, 10, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tokens_response_uses_apple_names_and_a_utc_whole_second_timestamp()
    {
        var response = new TokensResponse(new SyncTokens("abc", Noon.AddMilliseconds(750).ToOffset(TimeSpan.FromHours(2))));

        var json = Encoding.UTF8.GetString(response.ToJson());

        Assert.Equal("""{"SyncTokens":{"DeclarationsToken":"abc","Timestamp":"2024-10-21T12:00:00Z"}}""", json);
        AssertFollowsProtocol("TokensResponse", json);
        Assert.Equal(new TokensResponse(new SyncTokens("abc", Noon)), TokensResponse.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Declaration_items_list_all_four_categories_even_when_empty()
    {
        var response = DeclarationItemsResponse.From([]);

        using var json = JsonDocument.Parse(response.ToJson());

        var declarations = json.RootElement.GetProperty("Declarations");
        Assert.Equal(["Activations", "Configurations", "Assets", "Management"], declarations.EnumerateObject().Select(property => property.Name));
        Assert.All(declarations.EnumerateObject(), property => Assert.Equal(0, property.Value.GetArrayLength()));
        Assert.Equal(DeclarationTokens.DeclarationsToken([]), json.RootElement.GetProperty("DeclarationsToken").GetString());
        AssertFollowsProtocol("DeclarationItemsResponse", json.RootElement.GetRawText());
    }

    [Fact]
    public void Declaration_items_sort_declarations_into_categories()
    {
        var declarations = new[]
        {
            Declaration.Create("com.apple.configuration.passcode.settings", "passcode", Json("""{"RequirePasscode": true}""")),
            Declaration.Create("com.apple.activation.simple", "activation", Json("""{"StandardConfigurations": ["passcode"]}""")),
            Declaration.Create("com.apple.asset.useridentity", "user", Json("""{"FullName": "Alex"}""")),
            Declaration.Create("com.apple.management.organization-info", "org", Json("""{"Name": "Example"}""")),
            Declaration.Create("com.apple.configuration.management.test", "echo", Json("""{"Echo": "hi"}""")),
        };

        var response = DeclarationItemsResponse.From(declarations);

        Assert.Equal(["activation"], response.Declarations.Activations.Select(item => item.Identifier));
        Assert.Equal(["echo", "passcode"], response.Declarations.Configurations.Select(item => item.Identifier));
        Assert.Equal(["user"], response.Declarations.Assets.Select(item => item.Identifier));
        Assert.Equal(["org"], response.Declarations.Management.Select(item => item.Identifier));
        Assert.Equal(declarations[0].ServerToken, response.Declarations.Configurations[1].ServerToken);
        Assert.Equal(DeclarationTokens.DeclarationsToken(declarations.Select(declaration => declaration.Item)), response.DeclarationsToken);
        Assert.Equal(response.ToJson(), DeclarationItemsResponse.Parse(response.ToJson()).ToJson());
        AssertFollowsProtocol("DeclarationItemsResponse", Encoding.UTF8.GetString(response.ToJson()));
    }

    [Fact]
    public void Declarations_serialize_with_apple_names_and_read_back()
    {
        var declaration = Declaration.Create("com.apple.configuration.management.test", "com.example.echo", Json("""{"Echo": "hello", "ReturnStatus": "Installed"}"""));

        var json = Encoding.UTF8.GetString(declaration.ToJson());
        var read = Declaration.Parse(Encoding.UTF8.GetBytes(json));

        Assert.StartsWith("""{"Type":"com.apple.configuration.management.test","Identifier":"com.example.echo","ServerToken":""", json, StringComparison.Ordinal);
        Assert.Contains(""","Payload":{"Echo":"hello","ReturnStatus":"Installed"}}""", json, StringComparison.Ordinal);
        Assert.Equal(declaration, read);
        Assert.Equal(DeclarationCategory.Configuration, read.Category);
        Assert.True(new DeclarationValidator().Validate(read).IsValid);
    }

    [Theory]
    [InlineData("""{"Type":"t.a.configuration.x","Identifier":"i","ServerToken":"s"}""")]
    [InlineData("""{"Type":"t.a.configuration.x","Identifier":"i","ServerToken":"s","Payload":[]}""")]
    [InlineData("""{"Type":"t.a.configuration.x","Identifier":"","ServerToken":"s","Payload":{}}""")]
    [InlineData("""{"Type":null,"Identifier":"i","ServerToken":"s","Payload":{}}""")]
    [InlineData("""[]""")]
    [InlineData("""{"Type":""")]
    public void Malformed_declarations_fail_clearly(string json) =>
        Assert.Throws<DdmFormatException>(() => Declaration.Parse(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"SyncTokens":{"DeclarationsToken":"a"}}""")]
    [InlineData("""{"SyncTokens":{"DeclarationsToken":"a","Timestamp":"noon"}}""")]
    [InlineData("""{"SyncTokens":null}""")]
    public void Malformed_tokens_fail_clearly(string json) =>
        Assert.Throws<DdmFormatException>(() => TokensResponse.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Declaration_validator_checks_envelope_type_and_lengths()
    {
        var validator = new DeclarationValidator();
        var unknown = Declaration.Create("com.apple.configuration.no-such-thing", "id", Json("{}"));
        var tooLong = new Declaration("com.apple.configuration.management.test", new string('x', 65), "token", Json("""{"Echo": "e"}"""));
        var missingKey = Declaration.Create("com.apple.configuration.management.test", "id", Json("{}"));

        Assert.Equal(("Type", SchemaProblemKind.UnknownType), Single(validator.Validate(unknown)));
        Assert.Equal(("Identifier", SchemaProblemKind.OutOfRange), Single(validator.Validate(tooLong)));
        Assert.Equal(("Payload.Echo", SchemaProblemKind.MissingRequiredKey), Single(validator.Validate(missingKey)));
        Assert.Equal(("ServerToken", SchemaProblemKind.MissingRequiredKey), Single(validator.Validate(Json("""{"Type":"com.apple.configuration.management.test","Identifier":"i","Payload":{"Echo":"e"}}"""))));
        Assert.Throws<SchemaValidationException>(() => validator.EnsureValid(missingKey));
    }

    [Theory]
    [InlineData("tokens", DeclarativeManagementEndpointKind.Tokens, null, null)]
    [InlineData("declaration-items", DeclarativeManagementEndpointKind.DeclarationItems, null, null)]
    [InlineData("status", DeclarativeManagementEndpointKind.Status, null, null)]
    [InlineData("declaration/configuration/com.example.passcode", DeclarativeManagementEndpointKind.Declaration, DeclarationCategory.Configuration, "com.example.passcode")]
    [InlineData("declaration/asset/a/b", DeclarativeManagementEndpointKind.Declaration, DeclarationCategory.Asset, "a/b")]
    [InlineData("declaration/management/org", DeclarativeManagementEndpointKind.Declaration, DeclarationCategory.Management, "org")]
    [InlineData("declaration/activation/act", DeclarativeManagementEndpointKind.Declaration, DeclarationCategory.Activation, "act")]
    public void Parses_endpoints(string endpoint, DeclarativeManagementEndpointKind kind, DeclarationCategory? category, string? identifier) =>
        Assert.Equal(new DeclarativeManagementEndpoint(kind, category, identifier), DeclarativeManagementEndpoint.Parse(endpoint));

    [Theory]
    [InlineData("")]
    [InlineData("Tokens")]
    [InlineData("declaration/configuration/")]
    [InlineData("declaration/configurations/x")]
    [InlineData("declaration/x")]
    public void Refuses_unknown_endpoints(string endpoint) =>
        Assert.Throws<DdmFormatException>(() => DeclarativeManagementEndpoint.Parse(endpoint));

    [Theory]
    [InlineData("com.apple.configuration.passcode.settings", DeclarationCategory.Configuration)]
    [InlineData("com.apple.activation.simple", DeclarationCategory.Activation)]
    [InlineData("com.apple.asset.credential.scep", DeclarationCategory.Asset)]
    [InlineData("com.apple.management.properties", DeclarationCategory.Management)]
    public void Categories_come_from_the_type(string type, DeclarationCategory category) =>
        Assert.Equal(category, DeclarationCategories.FromType(type));

    [Fact]
    public void Every_declaration_type_in_the_schema_has_a_category() =>
        Assert.All(AppleSchemaCatalog.Default.OfKind(SchemaKind.Declaration), document => DeclarationCategories.FromType(document.TypeName));

    internal static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static (string Path, SchemaProblemKind Kind) Single(SchemaValidationResult result)
    {
        var problem = Assert.Single(result.Problems);
        return (problem.Path, problem.Kind);
    }

    /// <summary>Our JSON against Apple's own description of the protocol object.</summary>
    private static void AssertFollowsProtocol(string name, string json)
    {
        var schema = AppleSchemaCatalog.Default.FindProtocol(name)!;
        var result = new SchemaValidator().Validate(schema.PayloadKeys, Json(json));
        Assert.True(result.Problems.Count == 0, result.ToString());
    }
}
