namespace Passbind.Server.Operations;

/// <summary>
/// The configuration cannot work. Thrown while the server starts; a real process turns it into one line per
/// problem on stderr and exit code <see cref="StartupFailure.ConfigurationExitCode"/> (see <see cref="StartupFailure"/>),
/// a test host sees it as the exception it is.
/// </summary>
internal sealed class ConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ConfigurationProblem> Problems { get; } = problems;
}
