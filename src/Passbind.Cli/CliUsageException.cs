namespace Passbind.Cli;

/// <summary>A mistake in how the tool was called that the parser cannot see, such as a missing bootstrap.json. Exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
