namespace Passbind.Testing.Processes;

/// <summary>How to start a <see cref="ServerNode"/>: its data directory, its port, and configuration given on its command line.</summary>
public sealed record NodeSettings(string DataDirectory, int Port)
{
    /// <summary>The host name in <see cref="BaseUrl"/>: 127.0.0.1, or <c>localhost</c> where pages need that RP ID.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public string BaseUrl => $"http://{Host}:{Port}";

    public string BootstrapPath => Path.Combine(DataDirectory, "bootstrap.json");

    /// <summary>ASPNETCORE_ENVIRONMENT. Production, as deployed, unless a test needs the dev mailbox.</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>Whether readiness also waits for bootstrap.json (false for a node that did not bootstrap).</summary>
    public bool ExpectBootstrapFile { get; init; } = true;

    /// <summary>Configuration keys and values, passed as <c>--Key=Value</c>.</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    public NodeSettings With(string key, string value) =>
        this with { Configuration = new Dictionary<string, string>(Configuration) { [key] = value } };
}
