using System.CommandLine;

namespace Passbind.Cli;

/// <summary>The <c>--json</c> option that every data command carries.</summary>
internal static class JsonOption
{
    public static Option<bool> AddTo(Command command)
    {
        var option = new Option<bool>("--json")
        {
            Description = "Print JSON (snake_case, stable for scripts) instead of a table",
        };
        command.Add(option);
        return option;
    }
}
