using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every line a server writes: its category, level, message, every structured value
/// and the exception with its stack, so a test can read the whole log of a run as an operator's log store would.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <summary>The address test requests come from (TEST-NET-3, RFC 5737), set on each request's connection.</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>One line, with everything it carries flattened into <see cref="Text"/>.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, string Text, Exception? Exception);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            entries.Enqueue(new Entry(category, logLevel, message, $"{category} {logLevel} {message} {values} {exception}", exception));
        }
    }

    /// <summary>Sets <see cref="ClientAddress"/> as every request's remote address, as a real connection would have one.</summary>
    internal sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= ClientAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
