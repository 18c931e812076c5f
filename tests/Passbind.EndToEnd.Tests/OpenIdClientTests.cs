using System.Diagnostics;
using System.Text.Json;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.EndToEnd.Tests;

/// <summary>
/// A relying party no one at Passbind wrote (issue 11): Node's openid-client, from npm, discovers a Passbind application
/// from its issuer and completes the authorization code flow with PKCE and client_secret_basic, validating the id_token
/// against the JWKS and calling userinfo; the passkey in between is the .NET SDK's. See RelyingParty/relying-party.mjs.
/// </summary>
public sealed class OpenIdClientTests : IClassFixture<SignInServerFixture>, IDisposable
{
    private static readonly TimeSpan NodeWait = TimeSpan.FromMinutes(2);
    private readonly ServerProcess _server;
    private readonly DirectoryInfo _device = Directory.CreateTempSubdirectory("passbind-device-");

    public OpenIdClientTests(SignInServerFixture fixture)
    {
        _server = fixture.Server;
    }

    [Fact]
    public async Task OpenIdClient_CodeWithPkceAgainstDiscovery_SignsInTheIdentityWhosePasskeySigned()
    {
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(_server.BootstrapPath));
        var username = $"oidc-{Guid.NewGuid():N}"[..20];
        var identity = await client.Identities.CreateAsync(new CreateIdentityRequest
        {
            DisplayName = username,
            Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
        });
        var embedded = await Embedded.InitializeAsync(new EmbeddedOptions
        {
            StoreDirectory = Path.Combine(_device.FullName, "passkeys"),
            StoreKeyFile = Path.Combine(_device.FullName, "keys", "store.key"),
            AllowedDomains = [new Uri(_server.BaseUrl).Host],
        });
        var bound = await embedded.BindPasskeyAsync(
            (await client.CredentialBindingJobs.CreateLinkAsync(identity.Id, "https://app.example.com/bound")).CredentialBindingLink!);
        var application = await SignInApplication.CreateAsync(_server, confidential: true);
        Assert.NotNull(application.ClientSecret);

        await using var relyingParty = await RelyingParty.StartAsync(application);
        var authorizationUrl = (await relyingParty.ReadAsync()).GetProperty("authorization_url").GetString()!;
        Assert.StartsWith(application.Issuer + "/authorize?", authorizationUrl, StringComparison.Ordinal);

        // The user's part: the browser follows authorize to the authenticate URL, where the passkey signs.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await http.GetAsync(authorizationUrl);
        Assert.Equal(System.Net.HttpStatusCode.Found, authorize.StatusCode);
        var signedIn = await embedded.AuthenticateAsync(authorize.Headers.Location!.ToString(), bound.Passkey.Id);
        await relyingParty.WriteAsync(signedIn.RedirectUrl);

        var result = await relyingParty.ReadAsync();
        Assert.False(result.TryGetProperty("error", out _), $"openid-client failed: {result}\n{relyingParty.Errors}\n{_server.Output}");
        var claims = result.GetProperty("claims");
        Assert.Equal(identity.Id, claims.GetProperty("sub").GetString());
        Assert.Equal(application.Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal(identity.Id, result.GetProperty("userinfo").GetProperty("sub").GetString());
        Assert.Equal("bearer", result.GetProperty("token_type").GetString());
    }

    public void Dispose()
    {
        try
        {
            _device.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: left for the OS.
        }
    }

    /// <summary>relying-party.mjs under Node, talking JSON lines on its stdin and stdout.</summary>
    private sealed class RelyingParty : IAsyncDisposable
    {
        private readonly Process _node;
        private readonly Task<string> _errors;

        private RelyingParty(Process node)
        {
            _node = node;
            _errors = node.StandardError.ReadToEndAsync();
        }

        public string Errors => _errors.IsCompleted ? _errors.Result : "(node still running)";

        public static async Task<RelyingParty> StartAsync(SignInApplication application)
        {
            var directory = Path.Combine(Repository.Root(), "tests", "Passbind.EndToEnd.Tests", "RelyingParty");
            await Npm.InstallOnceAsync(directory, Path.Combine("openid-client", "package.json"));
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = directory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "relying-party.mjs", application.Issuer, application.ClientId, application.ClientSecret!, application.RedirectUri })
            {
                start.ArgumentList.Add(argument);
            }

            return new RelyingParty(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
        }

        public async Task<JsonElement> ReadAsync()
        {
            using var timeout = new CancellationTokenSource(NodeWait);
            var line = await _node.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                await _node.WaitForExitAsync(timeout.Token);
                Assert.Fail($"openid-client stopped (exit {_node.ExitCode}): {await _errors}");
            }

            return JsonDocument.Parse(line).RootElement.Clone();
        }

        public async Task WriteAsync(string line)
        {
            await _node.StandardInput.WriteLineAsync(line);
            await _node.StandardInput.FlushAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_node.HasExited)
            {
                _node.Kill(entireProcessTree: true);
                await _node.WaitForExitAsync();
            }

            _node.Dispose();
        }
    }
}
