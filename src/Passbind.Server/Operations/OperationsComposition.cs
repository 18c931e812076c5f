namespace Passbind.Server.Operations;

/// <summary>Registers what running the server in production needs: start-time checks, readiness, telemetry.</summary>
internal static class OperationsComposition
{
    /// <summary>
    /// Call first, before the server's own registrations build anything from the configuration: a setting that
    /// cannot work stops the start here with one line naming it (see <see cref="StartupFailure"/>).
    /// </summary>
    public static WebApplicationBuilder AddPassbindOperations(this WebApplicationBuilder builder)
    {
        StartupFailure.Install(builder.Configuration);
        ConfigurationCheck.ThrowIfInvalid(builder.Configuration);
        builder.Services.AddSingleton<DatabaseReadiness>();
        return builder;
    }
}
