using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Passbind.Server.Hosting;

namespace Passbind.Server.Secrets;

/// <summary>
/// The server's root secret. Signing keys are sealed under it with AES-GCM, and page tokens, one-time codes and
/// ceremony challenges are MACed with keys derived from it, so a copy of the database alone reveals or forges none.
/// </summary>
internal sealed class MasterKey
{
    private const int KeyBytes = 32;
    private readonly byte[] _sealingKey;
    private readonly byte[] _pageTokenKey;
    private readonly byte[] _oneTimeCodeKey;
    private readonly byte[] _challengeKey;

    public MasterKey(IOptions<MasterKeyOptions> options, IOptions<ServerOptions> server)
    {
        var root = Load(options.Value.MasterKey, server.Value.DataDirectory);
        _sealingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, root, KeyBytes, info: "passbind sealing"u8.ToArray());
        _pageTokenKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, root, KeyBytes, info: "passbind page tokens"u8.ToArray());
        _oneTimeCodeKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, root, KeyBytes, info: "passbind one-time codes"u8.ToArray());
        _challengeKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, root, KeyBytes, info: "passbind ceremony challenges"u8.ToArray());
        CryptographicOperations.ZeroMemory(root);
    }

    /// <summary>Encrypts <paramref name="plaintext"/>, binding it to <paramref name="purpose"/> (nonce ‖ tag ‖ ciphertext).</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var sealedBytes = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBytes.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealingKey, tag.Length);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(nonce.Length + tag.Length), tag, Encoding.UTF8.GetBytes(purpose));
        return sealedBytes;
    }

    public byte[] Unseal(ReadOnlySpan<byte> sealedBytes, string purpose)
    {
        var nonce = sealedBytes[..AesGcm.NonceByteSizes.MaxSize];
        var tag = sealedBytes.Slice(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var ciphertext = sealedBytes[(nonce.Length + tag.Length)..];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(_sealingKey, tag.Length);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.UTF8.GetBytes(purpose));
        return plaintext;
    }

    public byte[] MacPageToken(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_pageTokenKey, data);

    /// <summary>What an emailed one-time code is stored as: its MAC, so a copy of the database cannot test guesses offline.</summary>
    public byte[] MacOneTimeCode(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_oneTimeCodeKey, data);

    /// <summary>The MAC that makes a WebAuthn challenge the server's own (<c>SealedChallenges</c>): HMAC-SHA256 into <paramref name="mac"/>.</summary>
    public void MacChallenge(ReadOnlySpan<byte> data, Span<byte> mac) => HMACSHA256.HashData(_challengeKey, data, mac);

    private static byte[] Load(string? masterKey, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(masterKey))
        {
            var configured = Convert.FromBase64String(masterKey);
            return configured.Length >= KeyBytes
                ? configured
                : throw new InvalidOperationException($"Passbind:MasterKey must be base64 of at least {KeyBytes} bytes.");
        }

        var path = Path.Combine(dataDirectory, "master.key");
        if (File.Exists(path))
        {
            return ReadKeyFile(path);
        }

        // Two processes starting on one new data directory must end up with one key. File.Move without overwrite
        // checks and then renames on Unix, so it cannot decide the race; an exclusive lock file does.
        Directory.CreateDirectory(dataDirectory);
        using var creation = AcquireCreationLock(path + ".lock");
        if (File.Exists(path))
        {
            return ReadKeyFile(path);
        }

        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var temporary = path + ".tmp";
        using (var stream = CreatePrivateFile(temporary, FileMode.Create))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return key;
    }

    private static byte[] ReadKeyFile(string path)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (key.Length >= KeyBytes)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException(
            $"{path} is damaged: it must hold base64 of at least {KeyBytes} bytes. Restore it from your copy of the master key.");
    }

    private static FileStream AcquireCreationLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return CreatePrivateFile(path, FileMode.OpenOrCreate);
            }
            catch (IOException) when (attempt < 250)
            {
                // Another process holds it for the milliseconds it takes to write the key.
                Thread.Sleep(20);
            }
        }
    }

    private static FileStream CreatePrivateFile(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
