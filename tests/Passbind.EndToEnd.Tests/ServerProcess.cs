using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Passbind.EndToEnd.Tests;

/// <summary>
/// The server as a user starts it (README): <c>dotnet run --project src/Passbind.Server</c> from the repository
/// root, with <c>--urls</c> on a free port and its own data directory. <c>--no-build</c>, because the test
/// project's reference on the server has built it. Disposing kills the whole process tree and removes the data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    /// <summary>The address the server listens on, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public string BootstrapPath => Path.Combine(DataDirectory, "bootstrap.json");

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync()
    {
        var root = RepositoryRoot();
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataDirectory = Directory.CreateTempSubdirectory("passbind-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "src/Passbind.Server", "--no-build" })
        {
            start.ArgumentList.Add(argument);
        }

        // Run the build the tests were built with (Debug unless `dotnet test -c Release`).
        if (BuildConfiguration() is { } configuration && configuration != "Debug")
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(configuration);
        }

        foreach (var argument in new[] { "--", "--urls", baseUrl, $"--Passbind:DataDirectory={dataDirectory}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, baseUrl, dataDirectory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>bootstrap.json as the server wrote it.</summary>
    public JsonElement ReadBootstrap()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(BootstrapPath));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // dotnet run starts the server as a child process: end the whole tree.
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a temp directory.
        }
    }

    /// <summary>The directory holding Passbind.slnx, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Passbind.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Passbind.slnx above {AppContext.BaseDirectory}.");
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync($"{BaseUrl}/healthz");
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(BootstrapPath))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow: try again.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not healthy at {BaseUrl}/healthz within {StartTimeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? BuildConfiguration() =>
        typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
}
