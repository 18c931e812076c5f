using Passbind.Client;

namespace Passbind.Operations.Tests;

/// <summary>What the tests ask of a server: identities, links and emails made the way an app backend makes them.</summary>
public static class Load
{
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
}
