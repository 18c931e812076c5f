using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Passbind.Sdk.Storage;

/// <summary>
/// The default <see cref="IPasskeyStore"/>: one JSON file per passkey in a 0700 directory, each file 0600 and written
/// atomically; the private key in it sealed with AES-256-GCM under the per-user <see cref="StoreKey"/>, with the
/// passkey's ids as associated data so a sealed key cannot be moved to another entry.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never allocates a wait handle (no AvailableWaitHandle); it lives as long as the store.")]
internal sealed class FilePasskeyStore : IPasskeyStore
{
    private const int FileVersion = 1;
    private const string KeyAlgorithm = "A256GCM";
    private const int NonceLength = 12;
    private const int TagLength = 16;

    private readonly string _directory;
    private readonly string _keyFile;
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private byte[]? _key;

    public FilePasskeyStore(string directory, string keyFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(keyFile);
        _directory = Path.GetFullPath(directory);
        _keyFile = Path.GetFullPath(keyFile);

        var inside = Path.GetRelativePath(_directory, _keyFile);
        if (!inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside))
        {
            throw new ArgumentException(
                "The store key file must lie outside the store directory, or a copy of the directory reveals every key.",
                nameof(keyFile));
        }
    }

    /// <summary>True for a local passkey id: 64 lowercase hex characters (so it is also a safe file name).</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Creates the store directory with mode 0700.</summary>
    public void EnsureDirectory() => UnixFileModes.CreatePrivateDirectory(_directory);

    public async Task<IReadOnlyList<StoredPasskey>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        var result = new List<StoredPasskey>();
        foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
        {
            var file = await TryReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (file is not null)
            {
                result.Add(ToStoredPasskey(file));
            }
        }

        return result;
    }

    public async Task SaveAsync(
        StoredPasskey passkey, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        if (!IsValidId(passkey.Passkey.Id))
        {
            throw new ArgumentException("A passkey's local id must be 64 lowercase hex characters.", nameof(passkey));
        }

        try
        {
            var key = await GetKeyAsync(cancellationToken).ConfigureAwait(false);
            var sealedKey = Seal(key, privateKey.Span, AssociatedData(passkey.Passkey.Id, passkey.CredentialId));
            var file = new PasskeyFile(
                FileVersion,
                passkey.Passkey,
                passkey.CredentialId,
                passkey.RpId,
                passkey.UserHandle,
                passkey.ApiBaseUrl,
                passkey.LocalCreated,
                sealedKey,
                SignCount: 0);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(file, StoreJsonContext.Default.PasskeyFile);

            EnsureDirectory();
            await UnixFileModes.WriteAtomicallyAsync(PathOf(passkey.Passkey.Id), bytes, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PassbindException(
                PassbindErrorCodes.StoreError, $"The passkey could not be stored in {_directory}.", innerException: e);
        }
    }

    public async Task<byte[]?> GetPrivateKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(id) || !File.Exists(PathOf(id)))
        {
            return null;
        }

        var file = await TryReadAsync(PathOf(id), cancellationToken).ConfigureAwait(false)
            ?? throw new PassbindException(PassbindErrorCodes.StoreError, "The stored passkey is damaged.");
        try
        {
            var key = await GetKeyAsync(cancellationToken).ConfigureAwait(false);
            return Open(key, file.PrivateKey, AssociatedData(file.Passkey.Id, file.CredentialId));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new PassbindException(
                PassbindErrorCodes.StoreError,
                "The stored private key could not be decrypted: it was altered, or the store key changed.",
                innerException: e);
        }
    }

    public async Task<uint> NextSignCountAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(id) || !File.Exists(PathOf(id)))
        {
            throw new PassbindException(PassbindErrorCodes.PasskeyNotFound, "No passkey with this id is stored.");
        }

        // Two processes (an app and the CLI) may sign with one passkey at once: the count is read and written under an
        // exclusive lock on a file beside the passkey's, so no two signatures carry the same count.
        try
        {
            using var fileLock = await FileLock.AcquireAsync(PathOf(id) + ".lock", cancellationToken).ConfigureAwait(false);
            var file = await TryReadAsync(PathOf(id), cancellationToken).ConfigureAwait(false)
                ?? throw new PassbindException(PassbindErrorCodes.PasskeyNotFound, "No passkey with this id is stored.");

            // The counter is 32 bits (§6.1); it wraps past the top, as a hardware authenticator's does.
            var next = unchecked(file.SignCount + 1);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(file with { SignCount = next }, StoreJsonContext.Default.PasskeyFile);
            await UnixFileModes.WriteAtomicallyAsync(PathOf(id), bytes, cancellationToken).ConfigureAwait(false);
            return next;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PassbindException(
                PassbindErrorCodes.StoreError, "The passkey's signature counter could not be stored.", innerException: e);
        }
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        // Deleting what is not there is not an error (as in Beyond Identity's SDKs); an id that is not one of ours
        // names nothing, and must never become a path outside the store.
        if (IsValidId(id) && Directory.Exists(_directory))
        {
            try
            {
                File.Delete(PathOf(id));
                File.Delete(PathOf(id) + ".lock");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PassbindException(
                    PassbindErrorCodes.StoreError, "The passkey could not be deleted.", innerException: e);
            }
        }

        return Task.CompletedTask;
    }

    private string PathOf(string id) => Path.Combine(_directory, id + ".json");

    private static async Task<PasskeyFile?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var file = await JsonSerializer
                    .DeserializeAsync(stream, StoreJsonContext.Default.PasskeyFile, cancellationToken)
                    .ConfigureAwait(false);

                // A file that is not whole, or whose name is not its id, is not a passkey of this store.
                var valid = file is { Version: FileVersion, Passkey: not null, PrivateKey: not null }
                    && IsValidId(file.Passkey.Id)
                    && string.Equals(Path.GetFileNameWithoutExtension(path), file.Passkey.Id, StringComparison.Ordinal)
                    && file.Passkey.Tenant is not null && file.Passkey.Realm is not null
                    && file.Passkey.Identity is not null && file.Passkey.Theme is not null
                    && !string.IsNullOrEmpty(file.CredentialId);
                return valid ? file : null;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static StoredPasskey ToStoredPasskey(PasskeyFile file) => new(
        file.Passkey, file.CredentialId, file.RpId, file.UserHandle, file.ApiBaseUrl, file.LocalCreated);

    private async Task<byte[]> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        await _keyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _key ??= await StoreKey.LoadOrCreateAsync(_keyFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _keyLock.Release();
        }
    }

    private static byte[] AssociatedData(string id, string credentialId) =>
        Encoding.UTF8.GetBytes($"passbind-sdk/passkey/v1\n{id}\n{credentialId}");

    private static EncryptedKey Seal(byte[] key, ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagLength];
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        return new EncryptedKey(
            KeyAlgorithm,
            Base64Url.EncodeToString(nonce),
            Base64Url.EncodeToString(ciphertext),
            Base64Url.EncodeToString(tag));
    }

    private static byte[] Open(byte[] key, EncryptedKey sealedKey, byte[] associatedData)
    {
        if (sealedKey.Algorithm != KeyAlgorithm)
        {
            throw new CryptographicException($"Unknown key algorithm '{sealedKey.Algorithm}'.");
        }

        var nonce = Base64Url.DecodeFromChars(sealedKey.Nonce);
        var ciphertext = Base64Url.DecodeFromChars(sealedKey.Ciphertext);
        var tag = Base64Url.DecodeFromChars(sealedKey.Tag);
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagLength);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
        return plaintext;
    }
}
