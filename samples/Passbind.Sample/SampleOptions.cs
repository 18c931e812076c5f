namespace Passbind.Sample;

/// <summary>The <c>Sample</c> configuration section (command line: <c>--Sample:Bootstrap=…</c>).</summary>
internal sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>The address the sample listens on when <c>--urls</c> is not given.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// The Passbind server's <c>bootstrap.json</c>. Default: none given, and the sample looks for <c>data/bootstrap.json</c>
    /// in the working directory, then in the <c>data/</c> folder of the repository it runs from (where
    /// <c>dotnet run --project src/Passbind.Server</c>, run at the repository's root, writes it).
    /// </summary>
    public string? Bootstrap { get; set; }

    /// <summary>
    /// The sample's own public URL: the invoke URL of its authenticator config (the email flow lands on
    /// <c>{PublicUrl}/bind</c>) and, by its origin, the config's only trusted origin. Default: the first address in
    /// <c>urls</c>, else <see cref="DefaultUrl"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// An existing embedded authenticator config to use instead of finding or creating one. Default: none.
    /// </summary>
    public string? AuthenticatorConfigId { get; set; }

    /// <summary>Where the browser goes after binding. Default: the sample's own <c>/passkeys</c> page.</summary>
    public string? PostBindingRedirectUri { get; set; }

    /// <summary>How long to wait at start for the server to write bootstrap.json. Default 60 seconds.</summary>
    public TimeSpan BootstrapWait { get; set; } = TimeSpan.FromSeconds(60);
}
