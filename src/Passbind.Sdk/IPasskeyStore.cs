namespace Passbind.Sdk;

/// <summary>
/// Where an <see cref="Embedded"/> keeps this device's passkeys: their metadata and their private keys. The default
/// store encrypts each private key in a file under <see cref="EmbeddedOptions.StoreDirectory"/>; set
/// <see cref="EmbeddedOptions.PasskeyStore"/> to replace it (for example with a platform key store). Implementations
/// must be safe to call concurrently, and must never leave a half-written passkey behind.
/// </summary>
public interface IPasskeyStore
{
    /// <summary>Lists the stored passkeys, without their private keys. Unreadable entries are skipped.</summary>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The stored passkeys, in no particular order.</returns>
    Task<IReadOnlyList<StoredPasskey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a passkey and its private key, replacing any entry with the same <see cref="Passkey.Id"/>.</summary>
    /// <param name="passkey">The passkey's metadata.</param>
    /// <param name="privateKey">The private key, PKCS#8 DER. The store must not keep it in clear.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>A task that completes once the passkey is durably stored.</returns>
    Task SaveAsync(StoredPasskey passkey, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken = default);

    /// <summary>Reads a passkey's private key.</summary>
    /// <param name="id">The passkey's local id, <see cref="Passkey.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The private key, PKCS#8 DER, or <see langword="null"/> when no such passkey is stored. The caller
    /// should zero it after use.</returns>
    /// <exception cref="PassbindException">With <see cref="PassbindErrorCodes.StoreError"/> when the entry exists but
    /// cannot be read or decrypted.</exception>
    Task<byte[]?> GetPrivateKeyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a passkey's signature counter on by one, stores it, and returns it: the value its next assertion carries
    /// (WebAuthn L3 §6.1.1). The first call for a passkey returns 1. The count must be stored before this returns, and
    /// two calls, even at once, must never return the same value, or the server may refuse the second sign-in as a
    /// cloned key. The default implementation keeps no counter and returns 0, which WebAuthn allows ("no counter").
    /// </summary>
    /// <param name="id">The passkey's local id, <see cref="Passkey.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The counter value to sign with.</returns>
    /// <exception cref="PassbindException">With <see cref="PassbindErrorCodes.PasskeyNotFound"/> when no such passkey
    /// is stored, or <see cref="PassbindErrorCodes.StoreError"/> when the count cannot be stored.</exception>
    Task<uint> NextSignCountAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(0u);

    /// <summary>Deletes a passkey and its private key. Deleting a passkey that is not stored is not an error.</summary>
    /// <param name="id">The passkey's local id, <see cref="Passkey.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>A task that completes once the passkey is gone.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
