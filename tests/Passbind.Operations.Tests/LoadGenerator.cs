using System.Collections.Concurrent;
using System.Diagnostics;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.Operations.Tests;

/// <summary>
/// A bounded load of what apps do, against one or more nodes in turn: identity creates, RETURN links bound with the
/// .NET SDK, and EMAIL links. Every answer the servers acknowledged (a 200) is recorded with when it came, so a test
/// can check afterwards that nothing acknowledged was lost; failures are kept apart (a node that was killed or a
/// database that was down fails requests, and that is allowed: losing an acknowledged one is not).
/// </summary>
public sealed class LoadGenerator(IReadOnlyList<string> baseUrls, string bootstrapPath) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _devices = Directory.CreateTempSubdirectory("passbind-ops-load-");
    private readonly HttpClient _http = new() { Timeout = RequestTimeout };
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public enum Kind
    {
        Identity,
        Link,
        Credential,
        EmailJob,
    }

    /// <summary>One acknowledged write: its kind, the ids it made, the node that answered, and when (<see cref="Now"/>).</summary>
    public sealed record Ack(Kind Kind, string IdentityId, string? JobId, string? CredentialId, string Node, TimeSpan At);

    public ConcurrentQueue<Ack> Acknowledged { get; } = new();

    public ConcurrentQueue<string> Failures { get; } = new();

    public TimeSpan Now => _clock.Elapsed;

    public IEnumerable<Ack> Of(Kind kind) => Acknowledged.Where(a => a.Kind == kind);

    /// <summary>Runs <paramref name="workers"/> loops until <paramref name="stop"/> or <paramref name="operationsPerWorker"/> each.</summary>
    public async Task RunAsync(int workers, int operationsPerWorker, CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker, operationsPerWorker, stop), CancellationToken.None)));
    }

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            _devices.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp directory: left for the OS.
        }
    }

    private async Task WorkAsync(int worker, int operations, CancellationToken stop)
    {
        var device = await Embedded.InitializeAsync(new EmbeddedOptions
        {
            StoreDirectory = Path.Combine(_devices.FullName, $"device-{worker}", "passkeys"),
            StoreKeyFile = Path.Combine(_devices.FullName, $"device-{worker}", "store.key"),
            AllowedDomains = ["127.0.0.1"],
        }, CancellationToken.None);
        for (var i = 0; i < operations && !stop.IsCancellationRequested; i++)
        {
            var node = baseUrls[(worker + i) % baseUrls.Count];
            var client = ClientFor(node);
            try
            {
                var identity = await Load.CreateIdentityAsync(client, stop);
                Acknowledged.Enqueue(new Ack(Kind.Identity, identity.Id, null, null, node, Now));
                switch ((worker + i) % 3)
                {
                    case 0:
                        var created = await client.CredentialBindingJobs.CreateLinkAsync(identity.Id, Load.RedirectUri, cancellationToken: stop);
                        Acknowledged.Enqueue(new Ack(Kind.Link, identity.Id, created.CredentialBindingJob.Id, null, node, Now));
                        var bound = await device.BindPasskeyAsync(created.CredentialBindingLink!, stop);
                        Acknowledged.Enqueue(new Ack(Kind.Credential, identity.Id, created.CredentialBindingJob.Id, bound.Passkey.PasskeyId, node, Now));
                        break;
                    case 1:
                        var job = await client.CredentialBindingJobs.SendEmailAsync(identity.Id, Load.RedirectUri, cancellationToken: stop);
                        Acknowledged.Enqueue(new Ack(Kind.EmailJob, identity.Id, job.Id, null, node, Now));
                        break;
                }
            }
            catch (Exception exception) when (exception is PassbindApiException or PassbindException or HttpRequestException or OperationCanceledException or IOException)
            {
                var status = exception switch
                {
                    PassbindApiException api => (int)api.StatusCode,
                    PassbindException sdk => sdk.StatusCode,
                    _ => null,
                };
                Failures.Enqueue($"{Now:g} status={status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} {exception.GetType().Name}: {exception.Message}");

                // A node that is down refuses at once; do not spin on it.
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    /// <summary>A management client for one node, with the bootstrap token (valid on every node: they share the signing keys).</summary>
    private PassbindClient ClientFor(string baseUrl)
    {
        var options = PassbindClientOptions.FromBootstrapFile(bootstrapPath);
        options.ApiBaseUrl = new Uri(baseUrl);
        options.AuthBaseUrl = new Uri(baseUrl);
        options.ManagementApplicationId = null;
        options.ClientId = null;
        options.ClientSecret = null;
        return new PassbindClient(options, _http);
    }
}
