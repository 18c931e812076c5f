using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary>
/// The real server in process, on <paramref name="storage"/> (SQLite in its data directory, or its own
/// PostgreSQL database), with <paramref name="time"/> as its clock. Two factories on one storage are a restart,
/// or two nodes when both are alive.
/// </summary>
/// <remarks>With <paramref name="logs"/>, every log line at every level is kept there, and requests come from <see cref="CapturedLogs.ClientAddress"/>.</remarks>
/// <remarks><paramref name="settings"/> are added last, over the tests' defaults (which turn the rate limits off: see <see cref="RateLimitsOff"/>).</remarks>
public sealed class PassbindServerFactory(TestStorage storage, FakeTimeProvider time, CapturedLogs? logs = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The address the server believes it has; the in-process client's base address is the same.</summary>
    public const string PublicBaseUrl = "http://localhost";

    public TestStorage Storage => storage;

    public FakeTimeProvider Time => time;

    /// <summary>Starts the server (migrations, bootstrap) if it has not started yet.</summary>
    public void EnsureStarted() => _ = Services;

    /// <summary>bootstrap.json as the server wrote it.</summary>
    public BootstrapInfo ReadBootstrap()
    {
        EnsureStarted();
        return BootstrapInfo.Read(storage.DataDirectory);
    }

    /// <summary>A client that sends <paramref name="accessToken"/> as a bearer token, or no Authorization header when null.</summary>
    public HttpClient CreateApiClient(string? accessToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches Program as arguments, so it is visible while the builder is still being set
        // up (the server picks its database provider there), unlike configuration added at Build time.
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(Settings()));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(time));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CapturedLogs.ClientAddressFilter(logs is null ? null : CapturedLogs.ClientAddress)));
        if (logs is null)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            return;
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
    }

    /// <summary>
    /// The rate limits, off: test classes share a server (and, in process, one client address) across many tests that
    /// make failures on purpose. RateLimitTests runs with the limits on (<see cref="RateLimitedSqliteServer"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> RateLimitsOff { get; } = new Dictionary<string, string?>
    {
        ["Passbind:RateLimits:TokenFailuresPerClient:Limit"] = "0",
        ["Passbind:RateLimits:TokenFailuresPerAddress:Limit"] = "0",
        ["Passbind:RateLimits:UnknownLinksPerAddress:Limit"] = "0",
        ["Passbind:RateLimits:EmailsPerIdentity:Limit"] = "0",
        ["Passbind:RateLimits:EmailsPerAddress:Limit"] = "0",
        ["Passbind:RateLimits:FailedCompletionsPerLink"] = "0",
        ["Passbind:RateLimits:MaxPasskeysPerIdentity"] = "0",
    };

    private Dictionary<string, string?> Settings()
    {
        var all = new Dictionary<string, string?>
        {
            ["Passbind:DataDirectory"] = storage.DataDirectory,
            ["Passbind:PublicBaseUrl"] = PublicBaseUrl,
            ["Passbind:Database:Provider"] = storage.Database.ToString(),

            // The .NET SDK's scheme, and the app scheme the tests' native-app configs use.
            ["Passbind:Urls:AppSchemes:0"] = "passbind-sdk",
            ["Passbind:Urls:AppSchemes:1"] = "myapp",

            // Tests sweep when they mean to (RetentionSweeper.SweepAsync): a sweep set off by a clock a test moves
            // would race the test's own requests.
            ["Passbind:Retention:SweepInterval"] = "00:00:00",
        };
        if (storage.ConnectionString is not null)
        {
            all["ConnectionStrings:Passbind"] = storage.ConnectionString;
        }

        foreach (var (key, value) in RateLimitsOff.Concat(settings ?? new Dictionary<string, string?>()))
        {
            all[key] = value;
        }

        return all;
    }
}
