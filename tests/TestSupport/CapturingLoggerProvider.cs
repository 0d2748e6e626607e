using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SaaSMdm.TestSupport;

/// <summary>Keeps every log line a host writes, so tests can assert what is (and is not) logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _values = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Every structured value of every entry and scope (its name and value as text), also those the message leaves out.</summary>
    public IReadOnlyCollection<string> StructuredValues => _values;

    public string AllText => string.Join(Environment.NewLine, _lines);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines, _values);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<string> values) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            Capture(state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Capture(state);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }

        private void Capture<TState>(TState state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (name, value) in pairs)
                {
                    values.Enqueue($"{name}={Text(value)}");
                }
            }
            else
            {
                values.Enqueue(Text(state));
            }
        }

        private static string Text(object? value) => value switch
        {
            null => "",
            string text => text,
            System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
