namespace Passbind.Server.Features.Console;

/// <summary>The <c>Passbind:Console</c> configuration section: the admin console's session.</summary>
internal sealed class ConsoleOptions
{
    public const string SectionName = "Passbind:Console";

    /// <summary>A console session ends after this long without a request. Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
