using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Passbind.Core.WebAuthn;
using Passbind.Server.Secrets;

namespace Passbind.Server.Features.Binding;

/// <summary>
/// WebAuthn challenges that need no row: the challenge bytes carry their key type and expiry, and a MAC under a key
/// derived from the master key binds them to the ceremony (binding or sign-in), the job or transaction, and for a
/// sign-in the credential the options named. Any node with the same master key reads them; a copy of the
/// database cannot forge them. Single use is the completion's business: it commits by consuming the job, or
/// completing the transaction, which only one completion can do.
/// </summary>
/// <remarks>
/// 39 bytes: <c>flags (1) ‖ expiry, Unix ms, big-endian (6) ‖ random nonce (16) ‖ tag (16)</c>, so that each holds the
/// 16 random bytes WebAuthn asks of a challenge (L3 §13.4.3) besides what it carries. The tag is HMAC-SHA256 over
/// <c>purpose ‖ subject id ‖ the first 23 bytes</c>, truncated to 16 bytes. When the options named a credential, the
/// tag's second half is instead the MAC of the same input followed by SHA-256 of that credential id, so that a
/// challenge can be recognised as this server's (first half) before the credential that answers it is known, and
/// an assertion by another credential refused as such (second half). Without the key the whole challenge is
/// unpredictable: 128 random bits, then a 128-bit MAC over them.
/// </remarks>
internal sealed class SealedChallenges(MasterKey masterKey)
{
    public const int Size = SignedBytes + TagBytes;

    private const byte Version = 0x10;
    private const byte VersionMask = 0xF0;
    private const byte SubtleFlag = 0x01;
    private const byte NamedFlag = 0x02;
    private const int ExpiryOffset = 1;
    private const int ExpiryBytes = 6;
    private const int NonceBytes = 16;
    private const int SignedBytes = 1 + ExpiryBytes + NonceBytes;
    private const int TagBytes = 16;
    private const int HalfTag = 8;
    private const int MaxSubjectBytes = 256;
    private const long MaxExpiry = (1L << (ExpiryBytes * 8)) - 1;

    /// <summary>A new challenge, for the options of one ceremony.</summary>
    /// <param name="purpose">The ceremony.</param>
    /// <param name="subjectId">The job (binding) or transaction (sign-in) id.</param>
    /// <param name="keyType">The <see cref="KeyTypes"/> the options were asked for.</param>
    /// <param name="namedCredentialId">The credential id the options name, or empty when any may answer.</param>
    /// <param name="expireTime">When it stops working; kept to the millisecond.</param>
    public byte[] Create(ChallengePurpose purpose, string subjectId, string keyType, ReadOnlySpan<byte> namedCredentialId, DateTimeOffset expireTime)
    {
        var challenge = new byte[Size];
        challenge[0] = (byte)(Version
            | (keyType == KeyTypes.Subtle ? SubtleFlag : 0)
            | (namedCredentialId.IsEmpty ? 0 : NamedFlag));
        var expiry = Math.Clamp(expireTime.ToUnixTimeMilliseconds(), 0, MaxExpiry);
        Span<byte> expiryBytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(expiryBytes, expiry);
        expiryBytes[(sizeof(long) - ExpiryBytes)..].CopyTo(challenge.AsSpan(ExpiryOffset));
        RandomNumberGenerator.Fill(challenge.AsSpan(ExpiryOffset + ExpiryBytes, NonceBytes));

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(purpose, subjectId, challenge, [], mac);
        if (namedCredentialId.IsEmpty)
        {
            mac[..TagBytes].CopyTo(challenge.AsSpan(SignedBytes));
        }
        else
        {
            mac[..HalfTag].CopyTo(challenge.AsSpan(SignedBytes));
            Mac(purpose, subjectId, challenge, SHA256.HashData(namedCredentialId), mac);
            mac[..HalfTag].CopyTo(challenge.AsSpan(SignedBytes + HalfTag));
        }

        return challenge;
    }

    /// <summary>
    /// The challenge, when this server issued it for <paramref name="purpose"/> and <paramref name="subjectId"/>; null
    /// for anything else (forged, altered, another job's or transaction's, the other ceremony's, another key's).
    /// Expired challenges are opened too: their <see cref="OpenedChallenge.ExpireTime"/> says so. For a challenge that
    /// names a credential, <see cref="Allows"/> then says whether the one that answered is it.
    /// </summary>
    public OpenedChallenge? Open(ReadOnlySpan<byte> presented, ChallengePurpose purpose, string subjectId)
    {
        if (presented.Length != Size || (presented[0] & VersionMask) != Version || (presented[0] & ~(VersionMask | SubtleFlag | NamedFlag)) != 0)
        {
            return null;
        }

        var named = (presented[0] & NamedFlag) != 0;
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(purpose, subjectId, presented, [], mac);
        var checkedBytes = named ? HalfTag : TagBytes;
        if (!CryptographicOperations.FixedTimeEquals(mac[..checkedBytes], presented.Slice(SignedBytes, checkedBytes)))
        {
            return null;
        }

        Span<byte> expiryBytes = stackalloc byte[sizeof(long)];
        presented.Slice(ExpiryOffset, ExpiryBytes).CopyTo(expiryBytes[(sizeof(long) - ExpiryBytes)..]);
        return new OpenedChallenge(
            presented.ToArray(),
            (presented[0] & SubtleFlag) != 0 ? KeyTypes.Subtle : KeyTypes.WebAuthn,
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(expiryBytes)),
            named);
    }

    /// <summary>Whether <paramref name="credentialId"/> may answer <paramref name="challenge"/>: any may, unless the options named one.</summary>
    public bool Allows(OpenedChallenge challenge, ChallengePurpose purpose, string subjectId, ReadOnlySpan<byte> credentialId)
    {
        if (!challenge.NamesCredential)
        {
            return true;
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(purpose, subjectId, challenge.Bytes, SHA256.HashData(credentialId), mac);
        return CryptographicOperations.FixedTimeEquals(mac[..HalfTag], challenge.Bytes.AsSpan(SignedBytes + HalfTag, HalfTag));
    }

    /// <summary>HMAC of <c>purpose ‖ len(subject) ‖ subject ‖ the challenge's signed bytes ‖ credential hash</c>.</summary>
    private void Mac(ChallengePurpose purpose, string subjectId, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> credentialHash, Span<byte> mac)
    {
        // Job and transaction ids are short; a longer subject is a caller's bug.
        if (subjectId.Length > MaxSubjectBytes / 4)
        {
            throw new ArgumentException($"A challenge's subject is at most {MaxSubjectBytes / 4} characters.", nameof(subjectId));
        }

        Span<byte> input = stackalloc byte[2 + MaxSubjectBytes + SignedBytes + SHA256.HashSizeInBytes];
        input[0] = (byte)purpose;
        var subjectLength = Encoding.UTF8.GetBytes(subjectId, input[2..]);
        input[1] = (byte)subjectLength;
        var at = 2 + subjectLength;
        challenge[..SignedBytes].CopyTo(input[at..]);
        at += SignedBytes;
        credentialHash.CopyTo(input[at..]);
        at += credentialHash.Length;
        masterKey.MacChallenge(input[..at], mac);
    }
}
