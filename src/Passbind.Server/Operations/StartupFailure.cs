using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Passbind.Server.Operations;

/// <summary>
/// What an operator reads when the server cannot start because of its configuration or its database: one
/// line per problem on stderr, naming the key and the fix, and exit code <see cref="ConfigurationExitCode"/>,
/// instead of a stack trace. Only exceptions that end the process arrive here (a test host sees the exception
/// itself); anything not recognised as a configuration problem keeps the runtime's own report.
/// </summary>
internal static partial class StartupFailure
{
    /// <summary>EX_CONFIG of sysexits.h; deploy/passbind.service does not restart on it.</summary>
    public const int ConfigurationExitCode = 78;

    private static int _installed;

    public static void Install(IConfiguration configuration)
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception && Describe(exception, configuration) is { Count: > 0 } lines)
            {
                WriteToStandardError(lines);
                Environment.Exit(ConfigurationExitCode);
            }
        };
    }

    /// <summary>The lines to print for <paramref name="exception"/>, or none when it is not a configuration problem.</summary>
    public static List<string> Describe(Exception exception, IConfiguration configuration)
    {
        var lines = new List<string>();
        foreach (var inner in Flatten(exception))
        {
            switch (inner)
            {
                case ConfigurationException problems:
                    lines.AddRange(problems.Problems.Select(p => p.ToString()));
                    break;
                case OptionsValidationException validation:
                    // Each options class names its own keys in its messages (<Area>Options validation).
                    lines.AddRange(validation.Failures.Select(f => Failure(validation, f)));
                    break;
                case AuthenticationTagMismatchException:
                    lines.Add(MasterKeyMismatch(configuration).ToString());
                    break;
                default:
                    return [];
            }
        }

        return lines;
    }

    private static ConfigurationProblem MasterKeyMismatch(IConfiguration configuration)
    {
        var configured = !string.IsNullOrWhiteSpace(configuration[ConfigurationCheck.MasterKeyKey]);
        var postgreSql = string.Equals(configuration[ConfigurationCheck.ProviderKey], "PostgreSql", StringComparison.OrdinalIgnoreCase);
        return (configured, postgreSql) switch
        {
            (false, true) => new(
                ConfigurationCheck.MasterKeyKey,
                "not set, and this node's own key (master.key in its data directory) does not open the signing keys another node sealed in the shared database",
                "Set Passbind:MasterKey (environment Passbind__MasterKey) to the same base64 key on every node: the key of the node that started first"),
            (true, _) => new(
                ConfigurationCheck.MasterKeyKey,
                "does not open the signing keys in the database",
                "Set it to the key the database was first started with (every node shares one key)"),
            _ => new(
                ConfigurationCheck.DataDirectoryKey,
                "the data directory's master.key does not open the signing keys in the database",
                "Put back the master.key that belongs to this database (a restored database keeps its original master.key), or set Passbind:MasterKey to that key"),
        };
    }

    /// <summary>
    /// A validation failure as one line: the message an options class wrote (which names its key), without the
    /// wrapping DataAnnotations puts around it; else the failure prefixed by the options class.
    /// </summary>
    private static string Failure(OptionsValidationException validation, string failure)
    {
        var match = DataAnnotationsMessage().Match(failure);
        var message = match.Success ? match.Groups["message"].Value : failure;
        return message.Contains("Passbind:", StringComparison.Ordinal) ? message : $"{SectionOf(validation)}: {message}";
    }

    [GeneratedRegex("with the error: '(?<message>.*)'\\.?$")]
    private static partial Regex DataAnnotationsMessage();

    private static string SectionOf(OptionsValidationException validation) =>
        validation.OptionsName is { Length: > 0 } name && name != Options.DefaultName ? name : validation.OptionsType.Name;

    private static IEnumerable<Exception> Flatten(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Flatten),
        _ => [exception],
    };

    // NOTE: the console is written directly here, against the rule that the server writes only through ILogger:
    // a start that fails may have no logger yet, and the operator needs these lines whatever logging is set to.
#pragma warning disable RS0030
    private static void WriteToStandardError(List<string> lines)
    {
        foreach (var line in lines)
        {
            Console.Error.WriteLine($"passbind: {line}");
        }

        Console.Error.Flush();
    }
#pragma warning restore RS0030
}
