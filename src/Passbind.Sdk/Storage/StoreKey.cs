using System.Security.Cryptography;

namespace Passbind.Sdk.Storage;

/// <summary>
/// The per-user AES-256 key of the file store, kept in its own file outside the store directory
/// (<see cref="EmbeddedOptions.StoreKeyFile"/>), mode 0600 in a 0700 folder on Unix.
/// </summary>
internal static class StoreKey
{
    public const int Length = 32;

    /// <summary>Reads the key, creating it on first use. Concurrent first uses agree on one key.</summary>
    public static async Task<byte[]> LoadOrCreateAsync(string path, CancellationToken cancellationToken)
    {
        var existing = await TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        UnixFileModes.CreatePrivateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Creation is serialized by a lock file: File.Move without overwrite is not atomic on Unix (it checks, then
        // renames), so two processes creating the key at once could each keep a key the other replaced.
        using var creation = await FileLock.AcquireAsync(path + ".lock", cancellationToken).ConfigureAwait(false);
        existing = await TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(Length);
        await UnixFileModes.WriteAtomicallyAsync(path, key, cancellationToken).ConfigureAwait(false);
        return key;
    }

    private static async Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var key = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (key.Length != Length)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new PassbindException(
                PassbindErrorCodes.StoreError, $"The store key file {path} is damaged: it must hold {Length} bytes.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~UnixFileModes.File) != 0)
        {
            // Someone loosened it; put it back to 0600 rather than keep using a key others may read.
            File.SetUnixFileMode(path, UnixFileModes.File);
        }

        return key;
    }
}
