using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Schema;

/// <summary>Validates a sample for the keys under test (as a command, a declaration, a status item...).</summary>
internal delegate SchemaValidationResult SampleValidator(PlistDictionary sample, SchemaValidationOptions options);

/// <summary>
/// The checks every schema-described type must pass, whatever validator wraps the schema: the smallest
/// sample is valid, and removing a required key, changing a type, using a value outside the list or adding an
/// unknown key each yields exactly that problem at the right path.
/// </summary>
internal static class SchemaConformance
{
    public const string UnknownKey = "UnknownKeyAddedByTest";

    /// <param name="topLevelKeysRequired">False where the top level is a set of independent items (status items of an incremental report).</param>
    public static void AssertAll(SchemaKeyList keys, SampleValidator validate, string root, bool topLevelKeysRequired = true)
    {
        SmallestSampleIsValid(keys, validate);
        UnknownKeyIsReported(keys, validate, root);
        MissingRequiredKeyIsReported(keys, validate, root, topLevelKeysRequired);
        WrongTypeIsReported(keys, validate, root);
        DisallowedValueIsReported(keys, validate, root);
    }

    public static void SmallestSampleIsValid(SchemaKeyList keys, SampleValidator validate)
    {
        var result = validate(SchemaSamples.Dictionary(keys), SchemaValidationOptions.Strict);

        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    public static void UnknownKeyIsReported(SchemaKeyList keys, SampleValidator validate, string root)
    {
        var sample = SchemaSamples.Dictionary(keys);
        sample.Add(UnknownKey, keys.Wildcard is { } wildcard ? SchemaSamples.Value(wildcard) : "value");

        var strict = validate(sample, SchemaValidationOptions.Strict);
        var lenient = validate(sample, SchemaValidationOptions.AllowingUnknownKeys);

        if (keys.Wildcard is not null)
        {
            Assert.True(strict.Problems.Count == 0, $"an ANY key admits every other key: {strict}");
            return;
        }

        var problem = Assert.Single(strict.Problems);
        Assert.Equal((Join(root, UnknownKey), SchemaProblemKind.UnknownKey, SchemaProblemSeverity.Error), (problem.Path, problem.Kind, problem.Severity));
        Assert.True(lenient.IsValid, lenient.ToString());
        Assert.Equal(SchemaProblemSeverity.Warning, Assert.Single(lenient.Problems).Severity);
        Assert.True(sample.ContainsKey(UnknownKey));
    }

    public static void MissingRequiredKeyIsReported(SchemaKeyList keys, SampleValidator validate, string root, bool topLevelKeysRequired = true)
    {
        var sample = SchemaSamples.Dictionary(keys);
        var site = SampleSites.Present(keys, sample, string.Empty)
            .FirstOrDefault(site => site.Key.IsRequired && site.Remove is not null && (topLevelKeysRequired || !keys.Contains(site.Key)));
        if (site is null)
        {
            Assert.False(topLevelKeysRequired && keys.Any(key => key.IsRequired && !key.IsWildcard), "a required key was not found in the sample");
            return;
        }

        site.Remove!();

        var problem = Assert.Single(validate(sample, SchemaValidationOptions.Strict).Problems);
        Assert.Equal((Join(root, site.Path), SchemaProblemKind.MissingRequiredKey), (problem.Path, problem.Kind));
    }

    public static void WrongTypeIsReported(SchemaKeyList keys, SampleValidator validate, string root)
    {
        var sample = SchemaSamples.Dictionary(keys);
        if (SampleSites.Present(keys, sample, string.Empty).FirstOrDefault(site => site.Key.Type != SchemaValueType.Any) is not { } site)
        {
            Assert.Empty(sample);
            return;
        }

        site.Replace(SampleSites.WrongType(site.Key));

        var problem = Assert.Single(validate(sample, SchemaValidationOptions.Strict).Problems);
        Assert.Equal((Join(root, site.Path), SchemaProblemKind.WrongType), (problem.Path, problem.Kind));
    }

    public static void DisallowedValueIsReported(SchemaKeyList keys, SampleValidator validate, string root)
    {
        var sample = SchemaSamples.Dictionary(keys);
        if (SampleSites.Restricted(keys, sample, string.Empty) is not { } site || SampleSites.Disallowed(site.Key) is not { } disallowed)
        {
            return;
        }

        var withAllowedValue = validate(sample, SchemaValidationOptions.Strict);
        site.Replace(disallowed);
        var withDisallowedValue = validate(sample, SchemaValidationOptions.Strict);

        Assert.True(withAllowedValue.Problems.Count == 0, withAllowedValue.ToString());
        var path = Join(root, site.Path);
        Assert.Contains(withDisallowedValue.Problems, problem => problem.Path == path && problem.Kind == SchemaProblemKind.ValueNotAllowed);
        Assert.All(withDisallowedValue.Problems, problem => Assert.Equal(path, problem.Path));
    }

    private static string Join(string root, string path) => root.Length == 0 ? path : $"{root}.{path}";
}
