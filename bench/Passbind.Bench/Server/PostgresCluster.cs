using System.Diagnostics;

namespace Passbind.Bench.Server;

/// <summary>
/// A throwaway PostgreSQL 15 cluster on 127.0.0.1 and a free port, run as the <c>postgres</c> user with its
/// default durability (fsync on, synchronous_commit on), for a run given <c>--provider postgresql</c> without
/// a connection string.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _dataDirectory;

    private PostgresCluster(string dataDirectory, int port)
    {
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=passbind;Maximum Pool Size=200";

    public static async Task<PostgresCluster> StartAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workDirectory, "pg");
        Directory.CreateDirectory(directory);
        await RunAsync("chown", ["-R", "postgres:postgres", directory], cancellationToken);
        var data = Path.Combine(directory, "data");
        await RunAsPostgresAsync("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], cancellationToken);
        var port = ServerProcess.FreePort();
        var options = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB";
        await RunAsPostgresAsync("pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(directory, "postgres.log"), "-w", "start"], cancellationToken);
        return new PostgresCluster(data, port);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsPostgresAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
    }

    private static Task RunAsPostgresAsync(string tool, string[] arguments, CancellationToken cancellationToken) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments], cancellationToken);

    private static async Task RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
