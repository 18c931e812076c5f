using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Passbind.Cli;

/// <summary>
/// Writes a command's data to stdout: JSON with <c>--json</c> (stable, for scripts), otherwise a table for people.
/// </summary>
internal sealed class OutputWriter
{
    // Captured or piped output has no terminal width; a narrow default would wrap ids inside table cells.
    private const int WidthWhenNotTerminal = 200;

    private readonly CliConsole _console;

    public OutputWriter(CliConsole console, bool json)
    {
        _console = console;
        Json = json;
    }

    public bool Json { get; }

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        _console.Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        _console.Out.Flush();
    }

    /// <summary>One object as a two-column table of field and value; empty values are left out.</summary>
    public void WriteRecord(IEnumerable<(string Field, string? Value)> fields)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders();
        table.AddColumn(new TableColumn(string.Empty));
        table.AddColumn(new TableColumn(string.Empty));
        foreach (var (field, value) in fields)
        {
            if (!string.IsNullOrEmpty(value))
            {
                table.AddRow(new Text(field, new Style(decoration: Decoration.Bold)), new Text(value));
            }
        }

        Render(table);
    }

    /// <summary>Rows under column headers; an empty list prints a note on stderr and nothing on stdout.</summary>
    public void WriteTable(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows, string emptyNote)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))).NoWrap());
        }

        var count = 0;
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell ?? string.Empty)).ToArray());
            count++;
        }

        if (count == 0)
        {
            _console.Error.WriteLine(emptyNote);
            return;
        }

        Render(table);
    }

    /// <summary>A single value on its own line, such as a binding link, so that <c>$(passbind …)</c> captures it.</summary>
    public void WriteLine(string value)
    {
        _console.Out.WriteLine(value);
        _console.Out.Flush();
    }

    public static string? Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void Render(IRenderable renderable)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_console.Out),
            Ansi = _console.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = _console.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!_console.OutputIsTerminal)
        {
            terminal.Profile.Width = WidthWhenNotTerminal;
        }

        terminal.Write(renderable);
        _console.Out.Flush();
    }
}
