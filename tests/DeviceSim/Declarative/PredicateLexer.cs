using System.Globalization;
using System.Text;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>Splits an NSPredicate-style string into tokens: words, quoted strings, numbers, operators, parentheses and <c>@function(argument)</c>.</summary>
internal static class PredicateLexer
{
    private static readonly string[] Operators = ["==", "!=", "<>", "<=", "=<", ">=", "=>", "&&", "||", "<", ">", "=", "!"];

    public static IReadOnlyList<PredicateToken> Tokenize(string text)
    {
        var tokens = new List<PredicateToken>();
        var position = 0;
        while (position < text.Length)
        {
            var current = text[position];
            if (char.IsWhiteSpace(current))
            {
                position++;
            }
            else if (current is '(' or ')')
            {
                tokens.Add(new PredicateToken(current == '(' ? PredicateTokenKind.OpenParenthesis : PredicateTokenKind.CloseParenthesis, current.ToString(), position));
                position++;
            }
            else if (current is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref position));
            }
            else if (current == '@')
            {
                tokens.Add(ReadFunction(text, ref position));
            }
            else if (char.IsAsciiDigit(current) || (current == '-' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])))
            {
                var start = position++;
                while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
                {
                    position++;
                }

                var number = text[start..position];
                if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    throw new PredicateFormatException($"'{number}' at {start} is not a number.");
                }

                tokens.Add(new PredicateToken(PredicateTokenKind.Number, number, start));
            }
            else if (char.IsAsciiLetter(current))
            {
                var start = position;
                while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
                {
                    position++;
                }

                tokens.Add(new PredicateToken(PredicateTokenKind.Word, text[start..position], start));
            }
            else if (Operators.FirstOrDefault(candidate => string.CompareOrdinal(text, position, candidate, 0, candidate.Length) == 0) is { } op)
            {
                tokens.Add(new PredicateToken(PredicateTokenKind.Operator, op, position));
                position += op.Length;
            }
            else
            {
                throw new PredicateFormatException($"Unexpected '{current}' at {position}.");
            }
        }

        tokens.Add(new PredicateToken(PredicateTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static PredicateToken ReadString(string text, ref int position)
    {
        var start = position;
        var quote = text[position++];
        var value = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            value.Append(text[position++]);
        }

        if (position >= text.Length)
        {
            throw new PredicateFormatException($"The string starting at {start} is not closed.");
        }

        position++;
        return new PredicateToken(PredicateTokenKind.String, value.ToString(), start);
    }

    private static PredicateToken ReadFunction(string text, ref int position)
    {
        var start = position++;
        var nameStart = position;
        while (position < text.Length && char.IsAsciiLetter(text[position]))
        {
            position++;
        }

        var name = text[nameStart..position];
        if (name is not ("property" or "status") || position >= text.Length || text[position] != '(')
        {
            throw new PredicateFormatException($"Unknown function '@{name}' at {start}; the device knows @property(...) and @status(...).");
        }

        var close = text.IndexOf(')', position);
        var argument = close < 0 ? string.Empty : text[(position + 1)..close].Trim();
        if (argument.Length == 0)
        {
            throw new PredicateFormatException($"@{name} at {start} needs a name in parentheses.");
        }

        position = close + 1;
        return new PredicateToken(PredicateTokenKind.Function, name, start, argument);
    }
}
