using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Passbind.Bench.Api;
using Passbind.Bench.Ceilings;
using Passbind.Bench.Load;
using Passbind.Bench.Reporting;
using Passbind.Bench.Seeding;
using Passbind.Bench.Server;
using Passbind.Sdk;
using Passbind.Storage.Sqlite;
using Spectre.Console;

namespace Passbind.Bench;

/// <summary>
/// One run: build and start the server, measure the two ceilings, run every scenario at every concurrency
/// (warm-up, then a timed phase), seed to each scale for the read scenarios, restart to time readiness, and
/// write the JSON lines, the markdown table and the chart.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "RunAsync creates the server and API client and disposes them in its finally block.")]
internal sealed class BenchRun(BenchSettings settings, IAnsiConsole progress)
{
    private readonly ResultWriter _results = new();
    private readonly ConcurrentBag<string> _boundIdentities = [];
    private readonly List<string> _notes = [];
    private long _sequence;
    private double _lowerCeiling;
    private ServerProcess? _server;
    private ManagementApi? _api;
    private Embedded? _sdk;
    private RelyingParty? _relyingParty;
    private Embedded? _signInSdk;
    private string[] _signInPasskeys = [];
    private OutboxProbe? _outbox;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        if (!settings.NoBuild)
        {
            Status("publishing the server (Release, ReadyToRun)");
            await ServerProcess.BuildAsync(root, cancellationToken);
        }

        var work = Directory.CreateTempSubdirectory("passbind-bench-");
        // The throwaway PostgreSQL cluster runs as the postgres user, which must be able to reach its directory.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var dataDirectory = Path.Combine(work.FullName, "data");
        var serverLog = Path.Combine(work.FullName, "server.log");
        PostgresCluster? cluster = null;
        using var handler = ManagementApi.CreateHandler();
        try
        {
            var postgreSql = settings.ConnectionString;
            if (settings.IsPostgreSql && postgreSql is null)
            {
                Status("starting a throwaway PostgreSQL 15 cluster");
                cluster = await PostgresCluster.StartAsync(work.FullName, cancellationToken);
                postgreSql = cluster.ConnectionString;
            }

            var port = ServerProcess.FreePort();
            Status($"starting the server on 127.0.0.1:{port} ({settings.Provider}); log: {serverLog}");
            _server = await ServerProcess.StartAsync(root, dataDirectory, settings.IsPostgreSql ? postgreSql : null, port, serverLog, cancellationToken);
            var databaseConnection = settings.IsPostgreSql ? postgreSql! : SqliteStorage.ConnectionStringFor(dataDirectory);
            _outbox = new OutboxProbe(settings.IsPostgreSql, databaseConnection);

            var bootstrap = await Bootstrap.ReadAsync(dataDirectory, cancellationToken);
            _api = new ManagementApi(bootstrap, handler);
            _sdk = await Embedded.InitializeAsync(new EmbeddedOptions
            {
                AllowedDomains = ["127.0.0.1"],
                PasskeyStore = new InMemoryPasskeyStore(),
                HttpClient = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) },
            }, cancellationToken);
            if (settings.Runs("sign_in"))
            {
                await PrepareSignInAsync(bootstrap, handler, cancellationToken);
            }

            var templateId = await _api.CreateIdentityAsync(IdentitySeeder.TemplateToken, cancellationToken);
            await MeasureCeilingsAsync(new BindTransactionTarget(bootstrap.TenantId, bootstrap.RealmId, templateId, bootstrap.AuthenticatorConfigId), databaseConnection, cancellationToken);

            var linkTargets = new List<string>();
            for (var i = 0; i < 64; i++)
            {
                linkTargets.Add(await _api.CreateIdentityAsync($"link-target-{i}", cancellationToken));
            }

            if (settings.JitWarmUp > TimeSpan.Zero)
            {
                var signsIn = _relyingParty is not null;
                Status($"warming the server's JIT for {settings.JitWarmUp.TotalSeconds * (signsIn ? 4.0 / 3 : 1):0} s (bind, create, link{(signsIn ? ", sign-in" : "")} at concurrency 4; not reported)");
                var share = settings.JitWarmUp / 3;
                await BindPhaseAsync(4, share, cancellationToken);
                if (signsIn)
                {
                    await SignInPhaseAsync(4, share, cancellationToken);
                }

                await Run(4, share, async (_, ct) => { await _api.CreateIdentityAsync(NextName("warm"), ct); return OpOutcome.Ok; }, cancellationToken);
                await Run(4, share, async (w, ct) => { await _api.CreateLinkAsync(linkTargets[w], "RETURN", ct); return OpOutcome.Ok; }, cancellationToken);
            }

            await ScenarioAsync("bind", (c, d, ct) => BindPhaseAsync(c, d, ct), cancellationToken);
            await ScenarioAsync("sign_in", (c, d, ct) => SignInPhaseAsync(c, d, ct), cancellationToken);
            await ScenarioAsync("identity_create", (c, d, ct) => Run(c, d, async (_, t) =>
            {
                await _api.CreateIdentityAsync(NextName("create"), t);
                return OpOutcome.Ok;
            }, ct), cancellationToken);
            await ScenarioAsync("link_create", (c, d, ct) => Run(c, d, async (w, t) =>
            {
                await _api.CreateLinkAsync(linkTargets[w % linkTargets.Count], "RETURN", t);
                return OpOutcome.Ok;
            }, ct), cancellationToken);

            if (settings.Runs("email_job_create"))
            {
                if (await ProbeAsync(() => _api.CreateLinkAsync(linkTargets[0], "EMAIL", cancellationToken)))
                {
                    await ScenarioAsync("email_job_create", (c, d, ct) => Run(c, d, async (w, t) =>
                    {
                        await _api.CreateLinkAsync(linkTargets[w % linkTargets.Count], "EMAIL", t);
                        return OpOutcome.Ok;
                    }, ct), cancellationToken);
                }
                else
                {
                    Note("email_job_create skipped: this server does not create EMAIL jobs yet (the outbox has not landed in this branch).");
                }
            }

            if (settings.Runs("outbox_drain"))
            {
                await MeasureOutboxDrainAsync(cancellationToken);
            }

            var credentialListExists = !_boundIdentities.IsEmpty && await ProbeAsync(() => _api.ListCredentialsAsync(_boundIdentities.First(), cancellationToken));
            if (!credentialListExists)
            {
                Note("credential_list skipped: this server has no credential list endpoint yet (GET …/identities/{id}/credentials).");
            }

            var seeder = new IdentitySeeder(settings.IsPostgreSql, databaseConnection);
            long seeded = 0;
            foreach (var scale in settings.Scales)
            {
                var label = ScaleLabel(scale);
                if (!settings.Runs($"identity_lookup_{label}") && !settings.Runs($"credential_list_{label}"))
                {
                    continue;
                }

                Status($"seeding identities {seeded + 1:N0}…{scale:N0} directly into the database");
                var seeding = System.Diagnostics.Stopwatch.StartNew();
                await seeder.SeedAsync(templateId, seeded + 1, scale, cancellationToken);
                Status($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
                seeded = scale;
                var identities = scale;
                await ScenarioAsync($"identity_lookup_{label}", (c, d, ct) => Run(c, d, async (_, t) =>
                {
                    await _api.LookupAsync(ManagementApi.Username(RandomNumberGenerator.GetInt32(1, identities + 1)), t);
                    return OpOutcome.Ok;
                }, ct), cancellationToken);
                if (credentialListExists)
                {
                    var bound = _boundIdentities.ToArray();
                    await ScenarioAsync($"credential_list_{label}", (c, d, ct) => Run(c, d, async (_, t) =>
                    {
                        await _api.ListCredentialsAsync(bound[RandomNumberGenerator.GetInt32(bound.Length)], t);
                        return OpOutcome.Ok;
                    }, ct), cancellationToken);
                }
            }

            await MeasureRestartAsync(root, dataDirectory, settings.IsPostgreSql ? postgreSql : null, serverLog, seeded, cancellationToken);
            await WriteReportAsync(work.FullName, cancellationToken);
        }
        finally
        {
            _api?.Dispose();
            _relyingParty?.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            TryDelete(work.FullName);
        }

        var errors = _results.Results.Sum(r => r.Errors);
        if (errors > 0)
        {
            progress.MarkupLine($"[red]{errors} operations failed[/]");
            return 1;
        }

        return 0;
    }

    private async Task MeasureCeilingsAsync(BindTransactionTarget target, string databaseConnection, CancellationToken cancellationToken)
    {
        Status($"ceiling 1: RegistrationVerifier (Fido2NetLib) on packed self-attested ES256, {Environment.ProcessorCount} workers, {settings.CeilingDuration.TotalSeconds:0} s");
        var verify = await VerifierCeiling.MeasureAsync(settings.CeilingDuration, packed: true, cancellationToken);
        Status("ceiling 2: the bind-shaped transaction alone, same database and durability");
        var database = await new DatabaseCeiling(settings.IsPostgreSql, databaseConnection)
            .MeasureAsync(target, settings.CeilingDuration, settings.IsPostgreSql ? [1, 4, 16] : [1, 4], cancellationToken);
        _lowerCeiling = Math.Min(verify, database.OpsPerSecond);
        var rss = _server!.PeakRssMb ?? 0;
        _results.Add(new ScenarioResult("ceiling_verify_packed", settings.Provider, Environment.ProcessorCount, verify, 0, 0, 0, 0, 0, _lowerCeiling, verify / _lowerCeiling, rss));
        _results.Add(new ScenarioResult("ceiling_db_bind_txn", settings.Provider, database.Concurrency, database.OpsPerSecond, 0, 0, 0, 0, 0, _lowerCeiling, database.OpsPerSecond / _lowerCeiling, rss));
    }

    private async Task ScenarioAsync(string name, Func<int, TimeSpan, CancellationToken, Task<LoadMeasurement>> phase, CancellationToken cancellationToken)
    {
        if (!settings.Runs(name))
        {
            return;
        }

        foreach (var concurrency in settings.Concurrencies)
        {
            Status($"{name} at concurrency {concurrency}: warm-up {settings.WarmUp.TotalSeconds:0} s, then {settings.Duration.TotalSeconds:0} s timed");
            await phase(concurrency, settings.WarmUp, cancellationToken);
            var queuesMail = name is "bind" or "email_job_create";
            var outboxBefore = queuesMail ? await _outbox!.ReadAsync(cancellationToken) : null;
            LoadMeasurement measured;
            double rss;
            await using (var sampler = new RssSampler(_server!.Pid))
            {
                measured = await phase(concurrency, settings.Duration, cancellationToken);
                rss = sampler.PeakMb;
            }

            (long Pending, double OldestPendingSeconds, double SentPerSecond, double? CpuMsPerNotice)? outbox = queuesMail ? await OutboxFiguresAsync(outboxBefore!, measured.Window, cancellationToken) : null;

            if (measured.FirstError is not null)
            {
                progress.MarkupLineInterpolated($"[red]{name} c={concurrency}: {measured.Errors} errors, first: {measured.FirstError}[/]");
            }

            _results.Add(new ScenarioResult(name, settings.Provider, concurrency, measured.OpsPerSecond, measured.Percentile(50), measured.Percentile(90),
                measured.Percentile(99), measured.Max, measured.Errors, _lowerCeiling, measured.OpsPerSecond / _lowerCeiling, rss)
            {
                ServerCpuMsPerOp = measured.ServerCpuMsPerOp,
                OutboxPending = outbox?.Pending,
                OutboxOldestPendingSeconds = outbox?.OldestPendingSeconds,
                OutboxSentPerSecond = outbox?.SentPerSecond,
                OutboxCpuMsPerNotice = outbox?.CpuMsPerNotice,
            });
        }
    }

    /// <summary>
    /// The outbox at the end of a timed phase: what is still pending and how old the oldest of it is, and what was
    /// sent during the phase. Then, with no load running, waits (at most a minute) for the outbox to drain and, when
    /// enough was left to drain, takes the server's CPU over the drain per message sent as the outbox's CPU per
    /// notice. The drain also keeps one phase's backlog out of the next.
    /// </summary>
    private async Task<(long Pending, double OldestPendingSeconds, double SentPerSecond, double? CpuMsPerNotice)> OutboxFiguresAsync(
        OutboxState before, TimeSpan window, CancellationToken cancellationToken)
    {
        const int MeasurableDrain = 50;
        var after = await _outbox!.ReadAsync(cancellationToken);
        var sentPerSecond = window.TotalSeconds > 0 ? (after.Sent - before.Sent) / window.TotalSeconds : 0;
        var cpuBefore = ProcessCpu.Milliseconds(_server!.Pid);
        var drained = after;
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1);
        while (drained.Pending > 0 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            drained = await _outbox.ReadAsync(cancellationToken);
        }

        var cpu = ProcessCpu.Milliseconds(_server.Pid) - cpuBefore;
        var sentInDrain = drained.Sent - after.Sent;
        if (drained.Pending > 0)
        {
            Note($"the outbox still had {drained.Pending} messages pending a minute after the phase ended");
        }

        return (after.Pending, after.OldestPendingAge?.TotalSeconds ?? 0, sentPerSecond, sentInDrain >= MeasurableDrain ? cpu / sentInDrain : null);
    }

    /// <summary>
    /// The outbox's own cost, with no load running: up to 2,000 messages the phases before sent
    /// (links and passkey-added notices) are put back in the queue at once, and the server's CPU until the outbox has
    /// sent them all again, per message, is its CPU per notice. Throughput is counted from the first message sent,
    /// so the sender's poll interval before it finds them is left out.
    /// </summary>
    private async Task MeasureOutboxDrainAsync(CancellationToken cancellationToken)
    {
        const int DrainSize = 2_000;
        Status($"outbox_drain: {DrainSize:N0} sent messages back in the queue, then sent again with nothing else running");
        var cpuBefore = ProcessCpu.Milliseconds(_server!.Pid);
        var requeued = await _outbox!.RequeueSentAsync(DrainSize, cancellationToken);
        if (requeued == 0)
        {
            Note("outbox_drain skipped: no phase before it sent a message to put back in the queue.");
            return;
        }

        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        var sending = System.Diagnostics.Stopwatch.StartNew();
        var started = false;
        OutboxState state;
        await using (var sampler = new RssSampler(_server.Pid))
        {
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
                state = await _outbox.ReadAsync(cancellationToken);
                if (!started && state.Pending < requeued)
                {
                    started = true;
                    sending.Restart();
                }
            }
            while (state.Pending > 0 && TimeProvider.System.GetUtcNow() < deadline);

            var elapsed = sending.Elapsed.TotalSeconds;
            var cpuPerNotice = (ProcessCpu.Milliseconds(_server.Pid) - cpuBefore) / requeued;
            var failed = state.Pending;
            _results.Add(new ScenarioResult("outbox_drain", settings.Provider, 1, (requeued - failed) / elapsed, 0, 0, 0, 0, failed, _lowerCeiling,
                (requeued - failed) / elapsed / _lowerCeiling, sampler.PeakMb)
            {
                ServerCpuMsPerOp = cpuPerNotice,
                OutboxPending = failed,
                OutboxCpuMsPerNotice = cpuPerNotice,
            });
        }
    }

    /// <summary>
    /// Binds through the .NET SDK (options, software authenticator with packed self attestation, completion). The
    /// identity and its RETURN link are made before the clock starts, sized from a short trial so the phase does
    /// not run dry.
    /// </summary>
    private async Task<LoadMeasurement> BindPhaseAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var trial = await RunBindsAsync(concurrency, TimeSpan.FromSeconds(Math.Min(1, duration.TotalSeconds / 2)), await PrepareLinksAsync(concurrency * 3 + 20, cancellationToken), cancellationToken);
        var needed = (int)Math.Clamp(trial.OpsPerSecond * duration.TotalSeconds * 1.5 + concurrency * 4, 40, 40_000);
        var links = await PrepareLinksAsync(needed, cancellationToken);
        Status($"  {needed} identities with RETURN links ready; binding for {duration.TotalSeconds:0} s");
        return await RunBindsAsync(concurrency, duration, links, cancellationToken);
    }

    private Task<LoadMeasurement> RunBindsAsync(int concurrency, TimeSpan duration, ConcurrentQueue<(string Link, string IdentityId)> links, CancellationToken cancellationToken) =>
        Run(concurrency, duration, async (_, ct) =>
        {
            if (!links.TryDequeue(out var next))
            {
                return OpOutcome.Exhausted;
            }

            await _sdk!.BindPasskeyAsync(next.Link, ct);
            _boundIdentities.Add(next.IdentityId);
            return OpOutcome.Ok;
        }, cancellationToken);

    private async Task<ConcurrentQueue<(string Link, string IdentityId)>> PrepareLinksAsync(int count, CancellationToken cancellationToken)
    {
        var links = new ConcurrentQueue<(string, string)>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (_, ct) =>
        {
            var identity = await _api!.CreateIdentityAsync(NextName("bind"), ct);
            links.Enqueue((await _api.CreateLinkAsync(identity, "RETURN", ct), identity));
        });
        return links;
    }

    /// <summary>
    /// Before any clock: the relying party's OIDC application, and one identity with a bound software passkey per worker
    /// of the highest concurrency, held by a second SDK whose store keeps the keys and counters. One passkey per worker
    /// keeps each counter's assertions in order, as on a real device.
    /// </summary>
    private async Task PrepareSignInAsync(Bootstrap bootstrap, HttpMessageHandler handler, CancellationToken cancellationToken)
    {
        var workers = settings.Concurrencies.Max();
        Status($"sign-in: an OIDC application and {workers} identities with a bound passkey each");
        _relyingParty = await RelyingParty.CreateAsync(bootstrap, handler, cancellationToken);
        _signInSdk = await Embedded.InitializeAsync(new EmbeddedOptions
        {
            AllowedDomains = ["127.0.0.1"],
            PasskeyStore = new SigningPasskeyStore(),
            HttpClient = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) },
        }, cancellationToken);
        var passkeys = new string[workers];
        await Parallel.ForAsync(0, workers, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var identity = await _api!.CreateIdentityAsync(NextName("signin"), ct);
            var bound = await _signInSdk.BindPasskeyAsync(await _api.CreateLinkAsync(identity, "RETURN", ct), ct);
            passkeys[i] = bound.Passkey.Id;
        });
        _signInPasskeys = passkeys;
    }

    /// <summary>
    /// Signs in as a relying party and an app with the .NET SDK do together: authorize (302 to the authenticate URL), the
    /// SDK's assertion options, software assertion and completion, then the code exchange with the PKCE verifier. Worker
    /// <c>w</c> always signs with passkey <c>w</c>.
    /// </summary>
    private Task<LoadMeasurement> SignInPhaseAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken) =>
        Run(concurrency, duration, async (worker, ct) =>
        {
            var (attempt, authenticateUrl) = await _relyingParty!.AuthorizeAsync(ct);
            var signedIn = await _signInSdk!.AuthenticateAsync(authenticateUrl, _signInPasskeys[worker % _signInPasskeys.Length], ct);
            await _relyingParty.ExchangeAsync(attempt, signedIn.RedirectUrl, ct);
            return OpOutcome.Ok;
        }, cancellationToken);

    private async Task MeasureRestartAsync(string root, string dataDirectory, string? postgreSql, string serverLog, long identities, CancellationToken cancellationToken)
    {
        if (!settings.Runs("restart_ready"))
        {
            return;
        }

        var times = new List<double>();
        for (var i = 0; i < (settings.Quick ? 1 : 3); i++)
        {
            Status($"restart {i + 1}: stopping the server and timing a start on the existing database ({identities:N0} seeded identities)");
            await _server!.DisposeAsync();
            _server = null;
            _server = await ServerProcess.StartAsync(root, dataDirectory, postgreSql, ServerProcess.FreePort(), serverLog, cancellationToken);
            times.Add(_server.TimeToReady.TotalMilliseconds);
        }

        times.Sort();
        _results.Add(new ScenarioResult("restart_ready", settings.Provider, 1, 0, times[times.Count / 2], times[^1], times[^1], times[^1], 0, _lowerCeiling, 0, _server!.PeakRssMb ?? 0));
        Note($"restart_ready: milliseconds from process start to the first 200 from /healthz, with {identities:N0} seeded identities (p50 = median of {times.Count} starts).");
    }

    private async Task WriteReportAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var directory = settings.Quick ? Path.Combine(workDirectory, "results") : settings.ResultsDirectory;
        Directory.CreateDirectory(directory);
        var stem = settings.Quick ? $"quick-{settings.Provider}" : settings.Provider;
        var markdown = Path.Combine(directory, $"{stem}.md");
        var chart = Path.Combine(directory, $"{stem}.png");
        var notes = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores ({Environment.OSVersion}), .NET {Environment.Version}; the driver shares the cores with the server.",
            $"Warm-up {settings.WarmUp.TotalSeconds:0} s and timed phase {settings.Duration.TotalSeconds:0} s per scenario and concurrency; JIT warm-up {settings.JitWarmUp.TotalSeconds:0} s{(_relyingParty is not null && settings.JitWarmUp > TimeSpan.Zero ? $" and {settings.JitWarmUp.TotalSeconds / 3:0} s of sign-in" : string.Empty)}; ceilings {settings.CeilingDuration.TotalSeconds:0} s each.",
            $"Lower ceiling: {_lowerCeiling:0} ops/s; `ratio` is ops/s over it.",
        };
        notes.AddRange(_notes);
        await _results.WriteMarkdownAsync(markdown, $"Passbind load run: {settings.Provider}{(settings.Quick ? " (quick)" : string.Empty)}", notes, cancellationToken);
        try
        {
            Chart.Save(chart, settings.Provider, _results.Results, settings.Concurrencies);
        }
        catch (Exception exception) when (exception is TypeInitializationException or DllNotFoundException)
        {
            Note($"chart not written: {exception.Message}");
        }

        Status($"wrote {markdown} and {chart}");
        if (settings.Quick)
        {
            await Console.Error.WriteAsync(await File.ReadAllTextAsync(markdown, cancellationToken));
        }
    }

    private static async Task<bool> ProbeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Task<LoadMeasurement> Run(int concurrency, TimeSpan duration, Func<int, CancellationToken, Task<OpOutcome>> operation, CancellationToken cancellationToken) =>
        LoadRunner.RunAsync(concurrency, duration, operation, cancellationToken, () => ProcessCpu.Milliseconds(_server!.Pid));

    private string NextName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}";

    private static string ScaleLabel(long scale) => scale switch
    {
        >= 1_000_000 when scale % 1_000_000 == 0 => $"{scale / 1_000_000}m",
        >= 1_000 when scale % 1_000 == 0 => $"{scale / 1_000}k",
        _ => scale.ToString(CultureInfo.InvariantCulture),
    };

    private void Note(string note)
    {
        _notes.Add(note);
        progress.MarkupLineInterpolated($"[yellow]{note}[/]");
    }

    private void Status(string message) =>
        progress.MarkupLineInterpolated($"[grey]{TimeProvider.System.GetLocalNow():HH:mm:ss}[/] {message}");

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
