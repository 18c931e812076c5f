using System.CommandLine;

namespace Passbind.Cli.Admin;

/// <summary><c>--data-directory DIR</c>: the server's <c>Passbind:DataDirectory</c>. Default <c>data</c>, as the server's.</summary>
internal static class DataDirectoryOption
{
    public static Option<string> AddTo(Command command)
    {
        var option = new Option<string>("--data-directory")
        {
            Description = "The server's data directory (Passbind:DataDirectory)",
            DefaultValueFactory = _ => "data",
        };
        command.Options.Add(option);
        return option;
    }
}
