namespace Passbind.Sdk;

/// <summary>
/// A passkey held on this device, the .NET form of the Embedded SDK's <c>Passkey</c> type.
/// </summary>
public sealed record Passkey
{
    /// <summary>The local id of the passkey on this device (64 lowercase hex characters).</summary>
    public required string Id { get; init; }

    /// <summary>The server's id of the credential (the management API's <c>credential.id</c>).</summary>
    public required string PasskeyId { get; init; }

    /// <summary>When the server created the credential; the local creation time when the server did not say.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The state of the credential when it was bound. Defaults to <see cref="PasskeyState.Unknown"/>.</summary>
    public PasskeyState State { get; init; } = PasskeyState.Unknown;

    /// <summary>
    /// The kind of key: always <c>subtle</c> (a software passkey) for passkeys made by this SDK, which is the default.
    /// </summary>
    public string KeyType { get; init; } = "subtle";

    /// <summary>The tenant the passkey belongs to.</summary>
    public required PasskeyTenant Tenant { get; init; }

    /// <summary>The realm the passkey belongs to.</summary>
    public required PasskeyRealm Realm { get; init; }

    /// <summary>The identity the passkey is bound to.</summary>
    public required PasskeyIdentity Identity { get; init; }

    /// <summary>The tenant's theme, for showing the passkey to the user.</summary>
    public required PasskeyTheme Theme { get; init; }
}
