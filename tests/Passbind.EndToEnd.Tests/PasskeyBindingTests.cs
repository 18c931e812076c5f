using System.Net;
using System.Text.RegularExpressions;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.EndToEnd.Tests;

/// <summary>
/// What a developer does (issue 3 and issue 5, "Done when"): the server started as a real process, an identity and a
/// link made with the typed client, the passkey bound with the .NET SDK into a temporary store; by RETURN link, by
/// emailed link followed to its redirect, and across a kill -9 of the server.
/// </summary>
public sealed partial class PasskeyBindingTests : IDisposable
{
    private const string RedirectUri = "https://app.example.com/bound";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _device = Directory.CreateTempSubdirectory("passbind-device-");

    [Fact]
    public async Task BindPasskeyAsync_ReturnLinkFromTypedClient_BindsOnceThenLinkConsumed()
    {
        await using var server = await ServerProcess.StartAsync();
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(server.BootstrapPath));
        var identity = await CreateIdentityAsync(client);
        var created = await client.CredentialBindingJobs.CreateLinkAsync(identity.Id, RedirectUri);
        var link = created.CredentialBindingLink!;
        var embedded = await InitializeSdkAsync(server);
        Assert.True(embedded.IsBindPasskeyUrl(link));

        var result = await embedded.BindPasskeyAsync(link);

        Assert.Equal(RedirectUri, result.PostBindRedirect);
        var passkey = Assert.Single(await embedded.GetPasskeysAsync());
        Assert.Equal(result.Passkey.Id, passkey.Id);
        Assert.Equal(identity.Id, passkey.Identity.Id);
        Assert.Equal(identity.Traits.Username, passkey.Identity.Username);
        Assert.Equal(client.TenantId, passkey.Tenant.Id);
        Assert.Equal(client.RealmId, passkey.Realm.Id);
        Assert.Equal("subtle", passkey.KeyType);
        var credential = await client.Credentials.GetAsync(identity.Id, passkey.PasskeyId);
        Assert.Equal("ACTIVE", credential.State);
        Assert.False(string.IsNullOrEmpty(credential.JwkJson));
        Assert.Single(await ToListAsync(client.Credentials.ListAsync(identity.Id)));
        var job = await client.CredentialBindingJobs.GetAsync(identity.Id, created.CredentialBindingJob.Id);
        Assert.Equal("COMPLETE", job.State);
        Assert.Equal(passkey.PasskeyId, job.CredentialId);
        Assert.Equal("ENROLLED", (await client.Identities.GetAsync(identity.Id)).EnrollmentStatus);

        var again = await Assert.ThrowsAsync<PassbindException>(() => embedded.BindPasskeyAsync(link));
        Assert.Equal(PassbindErrorCodes.LinkConsumed, again.Code);
        Assert.Single(await embedded.GetPasskeysAsync());
        Assert.Single(await ToListAsync(client.Credentials.ListAsync(identity.Id)));
    }

    [Fact]
    public async Task BindPasskeyAsync_EmailedLinkFollowedToItsRedirect_BindsAndMailsPasskeyAddedNotice()
    {
        await using var server = await ServerProcess.StartAsync();
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(server.BootstrapPath));
        var identity = await CreateIdentityAsync(client);
        var email = identity.Traits.PrimaryEmailAddress!;
        var job = await client.CredentialBindingJobs.SendEmailAsync(identity.Id, RedirectUri);
        Assert.Equal("EMAIL", job.DeliveryMethod);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        // The dev mailbox (no SMTP host; `dotnet run` is Development) shows the message with its link.
        var mailbox = await WaitForMailboxAsync(browser, page => page.Contains(email, StringComparison.Ordinal) && InvokeLink().IsMatch(page), server);
        var link = InvokeLink().Matches(mailbox).Select(m => m.Value).Distinct().Single(l => l.Contains($"/credential-binding-jobs/{job.Id}:", StringComparison.Ordinal));
        Assert.StartsWith(server.BaseUrl + "/", link, StringComparison.Ordinal);

        using var opened = await browser.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.Found, opened.StatusCode);
        var redirect = opened.Headers.Location!.ToString();
        Assert.Contains("/bind?api_base_url=", redirect, StringComparison.Ordinal);
        Assert.Equal("LINK_OPENED", (await client.CredentialBindingJobs.GetAsync(identity.Id, job.Id)).State);
        var embedded = await InitializeSdkAsync(server);
        Assert.True(embedded.IsBindPasskeyUrl(redirect));

        var result = await embedded.BindPasskeyAsync(redirect);

        Assert.Equal(RedirectUri, result.PostBindRedirect);
        var completed = await client.CredentialBindingJobs.GetAsync(identity.Id, job.Id);
        Assert.Equal("COMPLETE", completed.State);
        Assert.Equal(result.Passkey.PasskeyId, completed.CredentialId);
        Assert.Equal("ACTIVE", (await client.Credentials.GetAsync(identity.Id, result.Passkey.PasskeyId)).State);
        await WaitForMailboxAsync(browser, page => NoticeTo(page, email), server);

        // Opened again, the consumed link answers a page that says so, not a redirect.
        using var reopened = await browser.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Null(reopened.Headers.Location);
    }

    [Fact]
    public async Task BindPasskeyAsync_ServerKilledRightAfterCompletion_RestartKeepsCredentialAndConsumedLink()
    {
        var server = await ServerProcess.StartAsync();
        var dataDirectory = server.DataDirectory;
        var port = server.Port;
        Identity identity;
        CreateCredentialBindingJobResponse created;
        BindPasskeyResponse result;
        try
        {
            var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(server.BootstrapPath));
            identity = await CreateIdentityAsync(client);
            created = await client.CredentialBindingJobs.CreateLinkAsync(identity.Id, RedirectUri);
            var embedded = await InitializeSdkAsync(server);

            result = await embedded.BindPasskeyAsync(created.CredentialBindingLink!);
            await server.KillAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(dataDirectory, port);
        var afterRestart = new PassbindClient(PassbindClientOptions.FromBootstrapFile(restarted.BootstrapPath));
        var credential = await afterRestart.Credentials.GetAsync(identity.Id, result.Passkey.PasskeyId);
        Assert.Equal("ACTIVE", credential.State);
        var job = await afterRestart.CredentialBindingJobs.GetAsync(identity.Id, created.CredentialBindingJob.Id);
        Assert.Equal("COMPLETE", job.State);
        Assert.Equal(credential.Id, job.CredentialId);
        var retry = await Assert.ThrowsAsync<PassbindException>(async () => await (await InitializeSdkAsync(restarted)).BindPasskeyAsync(created.CredentialBindingLink!));
        Assert.Equal(PassbindErrorCodes.LinkConsumed, retry.Code);
        Assert.Single(await ToListAsync(afterRestart.Credentials.ListAsync(identity.Id)));
    }

    public void Dispose()
    {
        try
        {
            _device.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp directory: left for the OS.
        }
    }

    private static Task<Identity> CreateIdentityAsync(PassbindClient client)
    {
        var username = $"e2e-{Guid.NewGuid():N}"[..20];
        return client.Identities.CreateAsync(new CreateIdentityRequest
        {
            DisplayName = username,
            Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
        });
    }

    /// <summary>The SDK as an app on this device sets it up: a store and its key file in a temporary folder, only the server's host allowed.</summary>
    private Task<Embedded> InitializeSdkAsync(ServerProcess server) => Embedded.InitializeAsync(new EmbeddedOptions
    {
        StoreDirectory = Path.Combine(_device.FullName, "passkeys"),
        StoreKeyFile = Path.Combine(_device.FullName, "keys", "store.key"),
        AllowedDomains = [new Uri(server.BaseUrl).Host],
    });

    private static async Task<string> WaitForMailboxAsync(HttpClient browser, Func<string, bool> arrived, ServerProcess server)
    {
        var deadline = DateTimeOffset.UtcNow + MailWait;
        while (true)
        {
            using var response = await browser.GetAsync("/dev/mailbox");
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/dev/mailbox answered {(int)response.StatusCode}\n{server.Output}");
            if (arrived(page))
            {
                return page;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the expected message did not reach the dev mailbox within {MailWait}:\n{page}\n{server.Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>A "passkey added" notice (NIST SP 800-63B §4.6) to <paramref name="email"/> is on the mailbox page.</summary>
    private static bool NoticeTo(string page, string email) =>
        page.Split("<article>").Any(article => article.Contains("A passkey was added to your", StringComparison.Ordinal)
            && article.Contains(email, StringComparison.Ordinal));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/v1/tenants/[^\s""<>/]+/realms/[^\s""<>/]+/identities/[^\s""<>/]+/credential-binding-jobs/[0-9a-f]+:invokeAuthenticator\?token=[A-Za-z0-9_-]+")]
    private static partial Regex InvokeLink();
}
