using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.Operations.Tests;

/// <summary>What the tests ask of a server: identities, links, binds and emails, made the way an app and a device make them.</summary>
public sealed class Load : IDisposable
{
    public const string RedirectUri = "https://app.example.com/bound";
    private readonly DirectoryInfo _device = Directory.CreateTempSubdirectory("passbind-ops-device-");

    public static Task<Identity> CreateIdentityAsync(PassbindClient client, CancellationToken cancellationToken = default)
    {
        var username = $"ops-{Guid.NewGuid():N}"[..20];
        return client.Identities.CreateAsync(
            new CreateIdentityRequest
            {
                DisplayName = username,
                Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
            },
            cancellationToken);
    }

    /// <summary>The .NET SDK on a device of its own (a store in a temporary folder), allowed to talk to 127.0.0.1 only.</summary>
    public Task<Embedded> DeviceAsync() => Embedded.InitializeAsync(new EmbeddedOptions
    {
        StoreDirectory = Path.Combine(_device.FullName, "passkeys"),
        StoreKeyFile = Path.Combine(_device.FullName, "keys", "store.key"),
        AllowedDomains = ["127.0.0.1"],
    });

    /// <summary>Creates an identity and a RETURN link, and binds a passkey with the SDK; answers the link and the result.</summary>
    public static async Task<(Identity Identity, string Link, BindPasskeyResponse Bound)> BindAsync(PassbindClient client, Embedded device, CancellationToken cancellationToken = default)
    {
        var identity = await CreateIdentityAsync(client, cancellationToken);
        var created = await client.CredentialBindingJobs.CreateLinkAsync(identity.Id, RedirectUri, cancellationToken: cancellationToken);
        var link = created.CredentialBindingLink!;
        return (identity, link, await device.BindPasskeyAsync(link, cancellationToken));
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
}
