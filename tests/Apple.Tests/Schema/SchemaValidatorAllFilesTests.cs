using System.Text.Json;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

/// <summary>
/// Every schema file, through the generic validator: the smallest sample is valid, and removing a required key,
/// changing a type, using a value outside the list or adding an unknown key each yields exactly that problem.
/// Declarative files are checked as JSON, the others as property lists.
/// </summary>
public sealed class SchemaValidatorAllFilesTests
{
    private const string UnknownKey = "UnknownKeyAddedByTest";

    public static TheoryData<string> AllFiles() => SchemaFiles.Under(string.Empty, except: AppleSchemaCatalog.MetaSchemaPath);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Smallest_sample_is_valid(string path)
    {
        var document = Document(path);

        var result = Validate(document, SchemaSamples.Dictionary(document.PayloadKeys));

        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Unknown_key_is_an_error_unless_allowed(string path)
    {
        var document = Document(path);
        var sample = SchemaSamples.Dictionary(document.PayloadKeys);
        sample.Add(UnknownKey, document.PayloadKeys.Wildcard is { } wildcard ? SchemaSamples.Value(wildcard) : "value");

        var strict = Validate(document, sample);
        var lenient = Validate(document, sample, SchemaValidationOptions.AllowingUnknownKeys);

        if (document.PayloadKeys.Wildcard is not null)
        {
            Assert.True(strict.Problems.Count == 0, $"an ANY key admits every other key: {strict}");
            return;
        }

        var problem = Assert.Single(strict.Problems);
        Assert.Equal((UnknownKey, SchemaProblemKind.UnknownKey, SchemaProblemSeverity.Error), (problem.Path, problem.Kind, problem.Severity));
        Assert.True(lenient.IsValid, lenient.ToString());
        Assert.Equal(SchemaProblemSeverity.Warning, Assert.Single(lenient.Problems).Severity);
        Assert.True(sample.ContainsKey(UnknownKey));
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Missing_required_key_is_reported_at_its_path(string path)
    {
        var document = Document(path);
        var sample = SchemaSamples.Dictionary(document.PayloadKeys);
        if (SampleSites.Present(document.PayloadKeys, sample, string.Empty).FirstOrDefault(site => site.Key.IsRequired && site.Remove is not null) is not { } site)
        {
            Assert.DoesNotContain(document.PayloadKeys, key => key.IsRequired && !key.IsWildcard);
            return;
        }

        site.Remove!();

        var problem = Assert.Single(Validate(document, sample).Problems);
        Assert.Equal((site.Path, SchemaProblemKind.MissingRequiredKey), (problem.Path, problem.Kind));
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Wrong_type_is_reported_at_its_path(string path)
    {
        var document = Document(path);
        var sample = SchemaSamples.Dictionary(document.PayloadKeys);
        if (SampleSites.Present(document.PayloadKeys, sample, string.Empty).FirstOrDefault(site => site.Key.Type != SchemaValueType.Any) is not { } site)
        {
            Assert.Empty(sample);
            return;
        }

        site.Replace(SampleSites.WrongType(site.Key));

        var problem = Assert.Single(Validate(document, sample).Problems);
        Assert.Equal((site.Path, SchemaProblemKind.WrongType), (problem.Path, problem.Kind));
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Value_outside_the_list_is_reported_at_its_path(string path)
    {
        var document = Document(path);
        var sample = SchemaSamples.Dictionary(document.PayloadKeys);
        if (SampleSites.Restricted(document.PayloadKeys, sample, string.Empty) is not { } site || SampleSites.Disallowed(site.Key) is not { } disallowed)
        {
            return;
        }

        var withAllowedValue = Validate(document, sample);
        site.Replace(disallowed);
        var withDisallowedValue = Validate(document, sample);

        Assert.True(withAllowedValue.Problems.Count == 0, withAllowedValue.ToString());
        Assert.Contains(withDisallowedValue.Problems, problem => problem.Path == site.Path && problem.Kind == SchemaProblemKind.ValueNotAllowed);
        Assert.All(withDisallowedValue.Problems, problem => Assert.Equal(site.Path, problem.Path));
    }

    private static SchemaDocument Document(string path) =>
        AppleSchemaCatalog.Default.FindByPath(path) ?? throw new InvalidOperationException($"The catalog did not load {path}.");

    private static SchemaValidationResult Validate(SchemaDocument document, PlistDictionary sample, SchemaValidationOptions? options = null)
    {
        var validator = new SchemaValidator(options);
        if (!document.Path.StartsWith("declarative/", StringComparison.Ordinal))
        {
            return validator.Validate(document.PayloadKeys, sample);
        }

        var json = JsonSerializer.SerializeToElement(SchemaSamples.ToJson(sample));
        return validator.Validate(document.PayloadKeys, json);
    }
}
