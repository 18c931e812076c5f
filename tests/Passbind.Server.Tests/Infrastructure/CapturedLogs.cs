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

    /// <summary>A request header that makes a request come from 127.0.0.1 instead, as a browser on the server's machine.</summary>
    public const string FromLoopbackHeader = "X-Test-From-Loopback";

    /// <summary>A request header naming the address a request comes from, as if from another machine.</summary>
    public const string FromAddressHeader = "X-Test-From-Address";

    /// <summary>
    /// Gives test requests a remote address, as a real connection would have: <see cref="FromAddressHeader"/>'s, or
    /// 127.0.0.1 with <see cref="FromLoopbackHeader"/>, else <paramref name="address"/> (none when null).
    /// </summary>
    internal sealed class ClientAddressFilter(IPAddress? address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var headers = context.Request.Headers;
                context.Connection.RemoteIpAddress ??= headers.TryGetValue(FromAddressHeader, out var from) ? IPAddress.Parse(from.ToString())
                    : headers.ContainsKey(FromLoopbackHeader) ? IPAddress.Loopback
                    : address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
