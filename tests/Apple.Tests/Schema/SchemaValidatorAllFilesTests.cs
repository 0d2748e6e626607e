using System.Text.Json;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

/// <summary>
/// Every schema file through the generic validator (see <see cref="SchemaConformance"/>). Declarative files are
/// checked as JSON, the others as property lists; a new file is a new case without new code.
/// </summary>
public sealed class SchemaValidatorAllFilesTests
{
    public static TheoryData<string> AllFiles() => SchemaFiles.Under(string.Empty, except: AppleSchemaCatalog.MetaSchemaPath);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Smallest_sample_is_valid(string path) =>
        SchemaConformance.SmallestSampleIsValid(Document(path).PayloadKeys, Validator(path));

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Unknown_key_is_an_error_unless_allowed(string path) =>
        SchemaConformance.UnknownKeyIsReported(Document(path).PayloadKeys, Validator(path), string.Empty);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Missing_required_key_is_reported_at_its_path(string path) =>
        SchemaConformance.MissingRequiredKeyIsReported(Document(path).PayloadKeys, Validator(path), string.Empty);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Wrong_type_is_reported_at_its_path(string path) =>
        SchemaConformance.WrongTypeIsReported(Document(path).PayloadKeys, Validator(path), string.Empty);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Value_outside_the_list_is_reported_at_its_path(string path) =>
        SchemaConformance.DisallowedValueIsReported(Document(path).PayloadKeys, Validator(path), string.Empty);

    private static SchemaDocument Document(string path) =>
        AppleSchemaCatalog.Default.FindByPath(path) ?? throw new InvalidOperationException($"The catalog did not load {path}.");

    private static SampleValidator Validator(string path)
    {
        var keys = Document(path).PayloadKeys;
        return path.StartsWith("declarative/", StringComparison.Ordinal)
            ? (sample, options) => new SchemaValidator(options).Validate(keys, JsonSerializer.SerializeToElement(SchemaSamples.ToJson(sample)))
            : (sample, options) => new SchemaValidator(options).Validate(keys, sample);
    }
}
