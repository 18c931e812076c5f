namespace Passbind.Cli;

/// <summary>
/// Where a command writes and what it may read from its surroundings: data goes to <see cref="Out"/>,
/// diagnostics, errors and the progress display to <see cref="Error"/>.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(
        TextWriter output,
        TextWriter error,
        bool outputIsTerminal = false,
        bool errorIsTerminal = false,
        Func<string, string?>? environment = null)
    {
        Out = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        Environment = environment ?? (_ => null);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Whether <see cref="Out"/> is a terminal: tables get colours and the terminal's width.</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>Whether <see cref="Error"/> is a terminal: only then is a spinner shown.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>Reads an environment variable (<c>PASSBIND_BOOTSTRAP</c>, <c>PASSBIND_STORE</c>, …).</summary>
    public Func<string, string?> Environment { get; }

    public static CliConsole FromSystemConsole() => new(
        Console.Out,
        Console.Error,
        outputIsTerminal: !Console.IsOutputRedirected,
        errorIsTerminal: !Console.IsErrorRedirected,
        environment: System.Environment.GetEnvironmentVariable);
}
