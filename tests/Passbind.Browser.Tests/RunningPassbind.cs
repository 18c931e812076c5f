using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests;

/// <summary>
/// The whole stack a user meets, started once for the browser tests: the Passbind server and the sample app as real
/// processes on free ports of <c>localhost</c> (one host, so both pages may use the RP ID <c>localhost</c>), the typed
/// management client from the server's bootstrap.json, and Debian's headless Chromium driven by Playwright.
/// </summary>
public sealed class RunningPassbind : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("passbind-browser-").FullName;
    private ServerNode? _server;
    private AppProcess? _sample;
    private IPlaywright? _playwright;

    public string RepositoryRoot { get; } = Repository.Root();

    public Uri ServerUrl { get; } = new($"http://localhost:{FreePort()}");

    public Uri SampleUrl { get; } = new($"http://localhost:{FreePort()}");

    public string ServerOrigin => ServerUrl.GetLeftPart(UriPartial.Authority);

    public string SampleOrigin => SampleUrl.GetLeftPart(UriPartial.Authority);

    public PassbindClient Client { get; private set; } = null!;

    /// <summary>The server's bootstrap authenticator config: invoke URL and trusted origin are the server's own.</summary>
    public string ServerAuthenticatorConfigId { get; private set; } = "";

    /// <summary>The config the sample made for itself: invoke URL and trusted origin are the sample's.</summary>
    public string SampleAuthenticatorConfigId { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: under the test output, and copied to docs/screenshots.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Redirects are answered, not followed: the tests look at the 302 of an opened link.</summary>
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        // Chromium is Debian's (/usr/bin/chromium); Playwright must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        // Development, as `dotnet run` is by default: mail without an SMTP host lands in the dev mailbox.
        _server = await ServerNode.StartAsync(new NodeSettings(_dataDirectory, ServerUrl.Port) { Host = ServerUrl.Host, Environment = "Development" });

        var bootstrap = Path.Combine(_dataDirectory, "bootstrap.json");
        var options = PassbindClientOptions.FromBootstrapFile(bootstrap);
        Client = new PassbindClient(options);
        ServerAuthenticatorConfigId = options.AuthenticatorConfigId!;

        _sample = AppProcess.Start(RepositoryRoot, "samples/Passbind.Sample", Repository.Configuration,
            "--urls", SampleUrl.ToString().TrimEnd('/'), "--Sample:Bootstrap=" + bootstrap);
        await _sample.WaitUntilReadyAsync(SampleUrl, TimeSpan.FromMinutes(2));

        await foreach (var config in Client.AuthenticatorConfigs.ListAsync())
        {
            if (config.Config.InvokeUrl?.TrimEnd('/') == SampleUrl.ToString().TrimEnd('/'))
            {
                SampleAuthenticatorConfigId = config.Id;
            }
        }

        Assert.False(string.IsNullOrEmpty(SampleAuthenticatorConfigId), "the sample made no authenticator config:\n" + _sample.Output);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http.Dispose();
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>What the two processes printed, for a failing assertion's message.</summary>
    public string Logs => $"--- server ---\n{_server?.Output}\n--- sample ---\n{_sample?.Output}";

    /// <summary>
    /// A page in a fresh browser context (its own IndexedDB), with Chromium's CDP virtual authenticator standing in for
    /// the user's device: a platform authenticator with resident keys and user verification that always says yes.
    /// Uncaught page errors are collected in <paramref name="pageErrors"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(List<string> pageErrors, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
            DeviceScaleFactor = 1,
            Locale = "en-US",
            TimezoneId = "UTC",
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => pageErrors.Add(error);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return page;
    }

    /// <summary>Creates an identity and a RETURN binding link for it, as the seed's backend example does.</summary>
    public async Task<(Identity Identity, CreateCredentialBindingJobResponse Job)> CreateLinkAsync(
        string authenticatorConfigId, string? postBindingRedirectUri = "http://example.com")
    {
        var username = "user" + Guid.NewGuid().ToString("N")[..12];
        var identity = await Client.Identities.CreateAsync(new CreateIdentityRequest
        {
            DisplayName = username,
            Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
        });
        var job = await Client.CredentialBindingJobs.CreateAsync(identity.Id, new CreateCredentialBindingJobRequest
        {
            DeliveryMethod = DeliveryMethods.Return,
            AuthenticatorConfigId = authenticatorConfigId,
            PostBindingRedirectUri = postBindingRedirectUri,
        });
        return (identity, job);
    }

    /// <summary>A screenshot as <see cref="ScreenshotAsync"/> takes it, of a page that must fit the window's width.</summary>
    public async Task ScreenshotFittingAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name} is {overflow}px wider than the window");
        await ScreenshotAsync(page, name);
    }

    /// <summary>Saves a screenshot under the test output and copies it to docs/screenshots.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var docs = Path.Combine(RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(docs);
        File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
