using System.Text.RegularExpressions;

namespace SaaSMdm.Apple.Schema;

/// <summary>
/// Checks a value tree against schema keys and collects problems. The rules live here once; subclasses say how
/// their tree (property list or JSON) exposes types, entries, items and scalars.
/// </summary>
internal abstract class SchemaWalker<TNode>(SchemaValidationOptions options)
{
    /// <summary>Deep enough for any real payload; keeps a hand-built or self-similar value from exhausting the stack.</summary>
    private const int MaxDepth = 256;

    private const int MaxListedValues = 12;

    private List<SchemaProblem> _problems = [];

    public SchemaValidationResult Result() => _problems.Count == 0 ? SchemaValidationResult.Valid : new SchemaValidationResult(_problems);

    /// <summary>Checks the entries of a dictionary node against <paramref name="keys"/>.</summary>
    public void CheckKeys(SchemaKeyList keys, TNode dictionary, string path, int depth = 0)
    {
        var wildcard = keys.Wildcard;
        foreach (var key in keys)
        {
            if (key.IsWildcard)
            {
                continue;
            }

            if (TryGetEntry(dictionary, key.Name, out var value))
            {
                CheckValue(key, value, SchemaPaths.Key(path, key.Name), depth + 1);
            }
            else if (key.IsRequired)
            {
                Add(SchemaPaths.Key(path, key.Name), SchemaProblemKind.MissingRequiredKey, $"required key is missing ({SchemaTypeNames.Format(key.Type)})");
            }
        }

        foreach (var (name, value) in Entries(dictionary))
        {
            if (keys.TryFind(name, out _))
            {
                continue;
            }

            if (wildcard is not null)
            {
                CheckValue(wildcard, value, SchemaPaths.Key(path, name), depth + 1);
            }
            else
            {
                Add(SchemaPaths.Key(path, name), SchemaProblemKind.UnknownKey, "unknown key", options.UnknownKeySeverity);
            }
        }
    }

    /// <summary>Checks one value against its key: type, allowed values, bounds and everything inside it.</summary>
    public void CheckValue(SchemaKey key, TNode value, string path, int depth = 0)
    {
        if (key.Type == SchemaValueType.Any)
        {
            return;
        }

        if (!HasType(value, key.Type))
        {
            Add(path, SchemaProblemKind.WrongType, $"expected {SchemaTypeNames.Format(key.Type)}, found {Describe(value)}");
            return;
        }

        if (depth > MaxDepth)
        {
            Add(path, SchemaProblemKind.TooDeep, $"nested deeper than {MaxDepth} levels; not checked further");
            return;
        }

        switch (key.Type)
        {
            case SchemaValueType.Dictionary when key.Subkeys.Count > 0:
                CheckKeys(key.Subkeys, value, path, depth);
                break;
            case SchemaValueType.Array when key.Subkeys.Count > 0:
                CheckItems(key.Subkeys, value, path, depth);
                break;
            case SchemaValueType.Dictionary or SchemaValueType.Array:
                break;
            default:
                CheckScalar(key, value, path);
                break;
        }
    }

    protected abstract bool HasType(TNode node, SchemaValueType type);

    /// <summary>The node's type in words for messages: "a string", "null".</summary>
    protected abstract string Describe(TNode node);

    protected abstract bool TryGetEntry(TNode dictionary, string key, out TNode value);

    protected abstract IEnumerable<(string Key, TNode Value)> Entries(TNode dictionary);

    protected abstract IReadOnlyList<TNode> Items(TNode array);

    protected abstract bool Matches(TNode scalar, SchemaLiteral literal);

    protected abstract bool TryGetNumber(TNode scalar, out double value);

    protected abstract bool TryGetString(TNode scalar, out string value);

    /// <summary>The scalar as text for messages.</summary>
    protected abstract string Render(TNode scalar);

    /// <summary>
    /// A value passes when it is in the list or within the range; a key with both (sleep timers: 0 for never,
    /// else 1 to 180 minutes) accepts either.
    /// </summary>
    private void CheckScalar(SchemaKey key, TNode value, string path)
    {
        var allowed = key.AllowedValues;
        var listed = allowed.Count > 0;
        var inList = listed && allowed.Any(literal => Matches(value, literal));
        var isNumber = TryGetNumber(value, out var number);
        var ranged = key.Range is not null && isNumber;
        var inRange = ranged && key.Range!.Contains(number);
        if (listed && !inList && !inRange)
        {
            var values = string.Join(", ", allowed.Take(MaxListedValues));
            var more = allowed.Count > MaxListedValues ? $" and {allowed.Count - MaxListedValues} more" : string.Empty;
            var orRange = ranged ? $" nor within {key.Range}" : string.Empty;
            Add(path, SchemaProblemKind.ValueNotAllowed, $"value {Render(value)} is not one of: {values}{more}{orRange}");
        }
        else if (!listed && ranged && !inRange)
        {
            Add(path, SchemaProblemKind.OutOfRange, $"value {Render(value)} is outside {key.Range}");
        }

        if (key.FormatPattern is { } pattern && TryGetString(value, out var text))
        {
            CheckFormat(pattern, text, value, path);
        }
    }

    private void CheckFormat(Regex pattern, string text, TNode value, string path)
    {
        try
        {
            if (!pattern.IsMatch(text))
            {
                Add(path, SchemaProblemKind.FormatMismatch, $"value {Render(value)} does not match {pattern}");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            Add(path, SchemaProblemKind.FormatMismatch, $"value could not be matched against {pattern} in time");
        }
    }

    private void CheckItems(SchemaKeyList forms, TNode array, string path, int depth)
    {
        var items = Items(array);
        if (forms.Count == 1 && forms[0].Repetition is { } repetition && !repetition.Allows(items.Count))
        {
            Add(path, SchemaProblemKind.WrongItemCount, $"has {items.Count} items, expected {repetition.Min} to {repetition.Max}");
        }

        for (var index = 0; index < items.Count; index++)
        {
            var itemPath = SchemaPaths.Index(path, index);
            if (forms.Count == 1)
            {
                CheckValue(forms[0], items[index], itemPath, depth + 1);
            }
            else
            {
                CheckAlternatives(forms, items[index], itemPath, depth + 1);
            }
        }
    }

    /// <summary>
    /// An item may take any of several forms (the Settings command lists one per setting). It passes when one
    /// form accepts it; otherwise the form its discriminator names (a required key with a single allowed
    /// value, like <c>Item</c>) explains what is wrong, or, without one, the item fits none.
    /// </summary>
    private void CheckAlternatives(SchemaKeyList forms, TNode item, string path, int depth)
    {
        var attempts = forms.Select(form => (Form: form, Problems: Collect(() => CheckValue(form, item, path, depth)))).ToArray();
        var accepted = attempts.FirstOrDefault(attempt => attempt.Problems.All(problem => problem.Severity != SchemaProblemSeverity.Error));
        if (accepted.Form is not null)
        {
            _problems.AddRange(accepted.Problems);
            return;
        }

        var named = attempts.FirstOrDefault(attempt => IsDiscriminatedBy(attempt.Form, item));
        if (named.Form is not null)
        {
            _problems.AddRange(named.Problems);
            return;
        }

        Add(path, SchemaProblemKind.NoMatchingItemForm, $"matches none of the item forms: {string.Join(", ", forms.Select(form => form.Name))}");
    }

    private bool IsDiscriminatedBy(SchemaKey form, TNode item) =>
        form.Type == SchemaValueType.Dictionary
        && HasType(item, SchemaValueType.Dictionary)
        && form.Subkeys.Any(key =>
            key.IsRequired
            && key.RangeList.Count == 1
            && TryGetEntry(item, key.Name, out var value)
            && Matches(value, key.RangeList[0]));

    private List<SchemaProblem> Collect(Action check)
    {
        var outer = _problems;
        _problems = [];
        try
        {
            check();
            return _problems;
        }
        finally
        {
            _problems = outer;
        }
    }

    private void Add(string path, SchemaProblemKind kind, string message, SchemaProblemSeverity severity = SchemaProblemSeverity.Error) =>
        _problems.Add(new SchemaProblem(path, kind, message, severity));
}
