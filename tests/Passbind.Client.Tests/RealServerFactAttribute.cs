namespace Passbind.Client.Tests;

/// <summary>
/// A fact that runs only against a real server: set <c>PASSBIND_BOOTSTRAP</c> to the path of that server's
/// <c>bootstrap.json</c>. Without it the test is reported as skipped, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealServerFactAttribute : FactAttribute
{
    public const string Variable = "PASSBIND_BOOTSTRAP";

    public RealServerFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to a running server's bootstrap.json to run this against it.";
        }
    }

    public static PassbindClient CreateClient() =>
        new(PassbindClientOptions.FromBootstrapFile(Environment.GetEnvironmentVariable(Variable)!));
}
