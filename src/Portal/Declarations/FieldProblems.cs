using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Portal.DeclarationForms;

/// <summary>Problems grouped by the form field they belong to; those no field shows are listed apart.</summary>
public sealed class FieldProblems
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public FieldProblems(IReadOnlyList<FormField> fields, IEnumerable<SchemaProblem> problems)
    {
        var names = FormValues.Flatten(fields).Select(field => field.Name).ToList();
        var unplaced = new List<SchemaProblem>();
        foreach (var problem in problems)
        {
            // A problem inside a list or JSON value (Servers[2].Port) belongs to the field that edits the whole value.
            if (names.FirstOrDefault(name => problem.Path == name || problem.Path.StartsWith(name + ".", StringComparison.Ordinal)
                || problem.Path.StartsWith(name + "[", StringComparison.Ordinal)) is { } field)
            {
                var messages = _byField.TryGetValue(field, out var list) ? list : _byField[field] = [];
                messages.Add(problem.Path == field ? problem.Message : $"{problem.Path}: {problem.Message}");
            }
            else
            {
                unplaced.Add(problem);
            }
        }

        Unplaced = unplaced;
    }

    public static FieldProblems None { get; } = new([], []);

    public IReadOnlyList<SchemaProblem> Unplaced { get; }

    public bool Any => _byField.Count > 0 || Unplaced.Count > 0;

    public IReadOnlyList<string> For(string fieldName) => _byField.TryGetValue(fieldName, out var messages) ? messages : [];
}
