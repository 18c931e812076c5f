using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Passbind.Bench.Server;

/// <summary>
/// The server as a real process, deployed as in production: published in Release with ReadyToRun for this
/// machine's runtime, its dll run by <c>dotnet</c>, listening on 127.0.0.1 only, with its data directory
/// (SQLite) or connection string (PostgreSQL) from the command line.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, int port, TimeSpan timeToReady)
    {
        _process = process;
        _log = log;
        Port = port;
        TimeToReady = timeToReady;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    /// <summary>From process start to the first 200 from <c>/healthz</c>.</summary>
    public TimeSpan TimeToReady { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static string DllPath(string repositoryRoot) => Path.Combine(PublishDirectory(repositoryRoot), "Passbind.Server.dll");

    /// <summary>Publishes the server as README.md's production deployment does (ReadyToRun, framework-dependent).</summary>
    public static async Task BuildAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var build = Process.Start(new ProcessStartInfo("dotnet",
        [
            "publish", Path.Combine(repositoryRoot, "src", "Passbind.Server", "Passbind.Server.csproj"),
            "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true",
            "-o", PublishDirectory(repositoryRoot), "--nologo", "-v", "q",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing the server failed:\n{await output}\n{await errors}");
        }
    }

    private static string PublishDirectory(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "Passbind.Server", "bin", "Release", "net10.0", RuntimeInformation.RuntimeIdentifier, "publish");

    public static async Task<ServerProcess> StartAsync(
        string repositoryRoot, string dataDirectory, string? postgreSqlConnection, int port, string logPath, CancellationToken cancellationToken)
    {
        var dll = DllPath(repositoryRoot);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Passbind:DataDirectory={dataDirectory}");

        // The load sends many EMAIL links to the same few identities, which the abuse limits refuse past ten an
        // hour; the bench measures capacity, not those limits, so it turns them off.
        start.ArgumentList.Add("--Passbind:RateLimits:EmailsPerIdentity:Limit=0");
        start.ArgumentList.Add("--Passbind:RateLimits:EmailsPerAddress:Limit=0");
        if (postgreSqlConnection is not null)
        {
            start.ArgumentList.Add("--Passbind:Database:Provider=PostgreSql");
            start.ArgumentList.Add($"--ConnectionStrings:Passbind={postgreSqlConnection}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // BENCHSERVER_X reaches the server as X, so a runtime setting can be measured on the server alone.
        const string ServerOnly = "BENCHSERVER_";
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(n => n.StartsWith(ServerOnly, StringComparison.Ordinal)))
        {
            start.Environment[name[ServerOnly.Length..]] = Environment.GetEnvironmentVariable(name);
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = TimeSpan.FromSeconds(120);
        while (stopwatch.Elapsed < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} before it was ready; see {logPath}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new ServerProcess(process, log, port, stopwatch.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(10, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The server was not ready within {deadline}; see {logPath}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public double? PeakRssMb => ProcessMemory.PeakResidentMb(Pid);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: ASP.NET Core shuts down gracefully, as an operator's restart would.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
