using System.Globalization;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>
/// Parses the Predicate of <c>com.apple.activation.simple</c>: comparisons (== = != &lt;&gt; &lt; &lt;= &gt; &gt;=)
/// between literals, <c>@property(key)</c> and <c>@status(name)</c>, joined by AND/&amp;&amp;, OR/||, NOT/! and
/// parentheses, plus TRUEPREDICATE and FALSEPREDICATE. The rest of NSPredicate (IN, BEGINSWITH, @key...) is refused
/// as unparseable, which is what a device does with syntax it does not know.
/// </summary>
public static class ActivationPredicate
{
    /// <exception cref="PredicateFormatException">The predicate is not one this device parses.</exception>
    public static PredicateNode Parse(string predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var parser = new Parser(PredicateLexer.Tokenize(predicate));
        var node = parser.Or();
        parser.Expect(PredicateTokenKind.End);
        return node;
    }

    private sealed class Parser(IReadOnlyList<PredicateToken> tokens)
    {
        private int _next;

        private PredicateToken Current => tokens[_next];

        public PredicateNode Or()
        {
            var node = And();
            while (TakeKeyword("OR", "||"))
            {
                node = new OrPredicate(node, And());
            }

            return node;
        }

        public void Expect(PredicateTokenKind kind)
        {
            if (Current.Kind != kind)
            {
                throw new PredicateFormatException($"Unexpected '{Current.Text}' at {Current.Position}.");
            }

            _next++;
        }

        private PredicateNode And()
        {
            var node = Not();
            while (TakeKeyword("AND", "&&"))
            {
                node = new AndPredicate(node, Not());
            }

            return node;
        }

        private PredicateNode Not() => TakeKeyword("NOT", "!") ? new NotPredicate(Not()) : Primary();

        private PredicateNode Primary()
        {
            if (Current.Kind == PredicateTokenKind.OpenParenthesis)
            {
                _next++;
                var inner = Or();
                Expect(PredicateTokenKind.CloseParenthesis);
                return inner;
            }

            if (TakeKeyword("TRUEPREDICATE"))
            {
                return new ConstantPredicate(true);
            }

            if (TakeKeyword("FALSEPREDICATE"))
            {
                return new ConstantPredicate(false);
            }

            var left = Operand();
            var op = Current.Kind == PredicateTokenKind.Operator ? Normalized(Current.Text) : null;
            if (op is null)
            {
                throw new PredicateFormatException($"Expected a comparison operator at {Current.Position}, found '{Current.Text}'.");
            }

            _next++;
            return new ComparisonPredicate(left, op, Operand());
        }

        private PredicateOperand Operand()
        {
            var token = Current;
            _next++;
            return token.Kind switch
            {
                PredicateTokenKind.Function when token.Text == "property" => new PropertyOperand(token.Argument!),
                PredicateTokenKind.Function => new StatusOperand(token.Argument!),
                PredicateTokenKind.String => new LiteralOperand(token.Text),
                PredicateTokenKind.Number => new LiteralOperand(double.Parse(token.Text, CultureInfo.InvariantCulture)),
                PredicateTokenKind.Word when Is(token, "TRUE", "YES") => new LiteralOperand(true),
                PredicateTokenKind.Word when Is(token, "FALSE", "NO") => new LiteralOperand(false),
                PredicateTokenKind.Word when Is(token, "NIL", "NULL") => new LiteralOperand(null),
                _ => throw new PredicateFormatException($"Expected a value at {token.Position}, found '{token.Text}'."),
            };
        }

        private bool TakeKeyword(params string[] spellings)
        {
            if (Current.Kind is PredicateTokenKind.Word or PredicateTokenKind.Operator && Is(Current, spellings))
            {
                _next++;
                return true;
            }

            return false;
        }

        private static bool Is(PredicateToken token, params string[] spellings) =>
            spellings.Any(spelling => string.Equals(token.Text, spelling, StringComparison.OrdinalIgnoreCase));

        private static string? Normalized(string op) => op switch
        {
            "==" or "=" => "==",
            "!=" or "<>" => "!=",
            "<" => "<",
            "<=" or "=<" => "<=",
            ">" => ">",
            ">=" or "=>" => ">=",
            _ => null,
        };
    }
}
