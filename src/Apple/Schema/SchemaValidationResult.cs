namespace SaaSMdm.Apple.Schema;

/// <summary>Every problem found; valid when none of them is an error.</summary>
public sealed record SchemaValidationResult(IReadOnlyList<SchemaProblem> Problems)
{
    public static SchemaValidationResult Valid { get; } = new([]);

    public bool IsValid => Problems.All(problem => problem.Severity != SchemaProblemSeverity.Error);

    public IEnumerable<SchemaProblem> Errors => Problems.Where(problem => problem.Severity == SchemaProblemSeverity.Error);

    /// <summary>Problems of both results, in order.</summary>
    public SchemaValidationResult And(SchemaValidationResult other) =>
        other.Problems.Count == 0 ? this : Problems.Count == 0 ? other : new([.. Problems, .. other.Problems]);

    /// <summary>Throws <see cref="SchemaValidationException"/> unless valid.</summary>
    public void ThrowIfInvalid(string subject)
    {
        if (!IsValid)
        {
            throw new SchemaValidationException(subject, this);
        }
    }

    public override string ToString() => Problems.Count == 0 ? "valid" : string.Join(Environment.NewLine, Problems);
}
