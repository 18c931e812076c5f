using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Passbind.Testing.Processes;

/// <summary>
/// One Passbind server process, started from its built dll (<c>dotnet Passbind.Server.dll</c>, as deploy/passbind.service
/// runs the published one) on 127.0.0.1 and a port of its own, so that a SIGTERM or SIGKILL reaches the server itself.
/// Disposing kills it if it still runs; the data directory belongs to the caller (<see cref="NodeSettings"/>).
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ServerNode(Process process, NodeSettings settings)
    {
        _process = process;
        Settings = settings;
    }

    public NodeSettings Settings { get; }

    public string BaseUrl => Settings.BaseUrl;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the server wrote to stdout and stderr so far, for failure messages.</summary>
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

    /// <summary>What the server wrote to stderr alone.</summary>
    public string StandardError
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until <c>/readyz</c> answers 200 (and bootstrap.json exists, where it writes one).</summary>
    public static async Task<ServerNode> StartAsync(NodeSettings settings)
    {
        var node = Launch(settings);
        try
        {
            await node.WaitUntilReadyAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>Starts the server and waits for it to exit on its own (a refused start); answers the exited node.</summary>
    public static async Task<ServerNode> StartExpectingExitAsync(NodeSettings settings)
    {
        var node = Launch(settings);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await node._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"The server did not exit within {StartTimeout}:\n{node.Output}");
        }

        // The asynchronous readers may still hold the last lines; WaitForExit without a timeout drains them.
        node._process.WaitForExit();
        return node;
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends SIGTERM, as systemd and container runtimes stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} exited with {kill.ExitCode}.");
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not exit within {timeout}:\n{Output}");
        }

        _process.WaitForExit();
    }

    /// <summary>bootstrap.json as the server wrote it.</summary>
    public JsonElement ReadBootstrap()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Settings.BootstrapPath));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Waits until <c>/readyz</c> answers 200.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync($"{BaseUrl}/readyz");
                if (response.StatusCode == HttpStatusCode.OK && (!Settings.ExpectBootstrapFile || File.Exists(Settings.BootstrapPath)))
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
                // Listening but slow: ask again.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not ready at {BaseUrl}/readyz within {StartTimeout}:\n{Output}");
    }

    private static ServerNode Launch(NodeSettings settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = settings.DataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(settings.BaseUrl);
        start.ArgumentList.Add($"--Passbind:DataDirectory={settings.DataDirectory}");
        foreach (var (key, value) in settings.Configuration)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = settings.Environment;
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Passbind__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new ServerNode(process, settings);
        process.OutputDataReceived += (_, e) => node.Append(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data, error: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private void Append(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (error)
            {
                _error.AppendLine(line);
            }
        }
    }

    /// <summary>The server's dll as the test build made it (Debug unless <c>dotnet test -c Release</c>).</summary>
    public static string ServerAssembly() => Repository.Built("Passbind.Server", "Passbind.Server.dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
