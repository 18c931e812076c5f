using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Passbind.Operations.Tests;

/// <summary>
/// A PostgreSQL cluster of a test's own, which it may stop and start (the shared test server must not be): initdb and
/// pg_ctl under /usr/lib/postgresql/*/bin, run as the <c>postgres</c> user when the tests run as root, as tests/run.sh
/// does, on 127.0.0.1 and a free port.
/// </summary>
public sealed class ThrowawayPostgreSql : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;

    private ThrowawayPostgreSql(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=passbind;Timeout=5;Command Timeout=15";

    /// <summary>Why this machine cannot run one, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (FindBin() is null)
        {
            return "PostgreSQL's server programs (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are not installed";
        }

        return Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser")
            ? "running as root without runuser to start PostgreSQL as the postgres user"
            : null;
    }

    public static async Task<ThrowawayPostgreSql> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(Unavailable());
        var directory = Directory.CreateTempSubdirectory("passbind-ops-pg-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", directory);
        }

        var cluster = new ThrowawayPostgreSql(directory, bin, ServerNode.FreePort());
        await AsPostgresAsync(Path.Combine(bin, "initdb"), "-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        await cluster.StartServerAsync();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database=postgres");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE passbind", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary>pg_ctl stop -m fast: sessions are ended, the server shuts down cleanly.</summary>
    public Task StopServerAsync() => AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "fast", "-w", "stop");

    public Task StartServerAsync() => AsPostgresAsync(
        Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_directory, "postgres.log"), "-w",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c fsync=off", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private string Data => Path.Combine(_directory, "data");

    private static Task AsPostgresAsync(string program, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            : null;

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
